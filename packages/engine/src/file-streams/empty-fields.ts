import { Transform } from 'node:stream';

import type { CsvFormat } from '@sluice/stages';

const LF = Buffer.from('\n');

/**
 * Passes a delimited file's bytes (line ends already LF) through until the first sign of an
 * empty field: two delimiters in a row, a delimiter at the start or end of a line or of the
 * file, or two quotes in a row (an empty quoted field; a doubled quote inside one looks the
 * same, and costs only the careful load). There it calls `stop` and ends the stream, without
 * the chunk it is in, so the server finishes the statement (an error would close the
 * connection), and drops the rest. Each chunk is searched natively, and its joint with the last.
 */
export function stopAtEmptyField(format: CsvFormat, stop: () => void): Transform {
  const delimiter = Buffer.from(format.delimiter);
  const signs = [
    Buffer.concat([delimiter, delimiter]),
    Buffer.concat([delimiter, LF]),
    Buffer.concat([LF, delimiter]),
    ...(format.quote === '' ? [] : [Buffer.from(format.quote.repeat(2))]),
  ];
  const overlap = Math.max(...signs.map((sign) => sign.length)) - 1;
  // The file starts as a line does.
  let tail = LF;
  let stopped = false;
  const empty = (bytes: Buffer) => signs.some((sign) => bytes.includes(sign));
  const end = (stream: Transform) => {
    stopped = true;
    stop();
    stream.push(null);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (stopped) {
        done();
        return;
      }
      const joint = Buffer.concat([tail, chunk.subarray(0, overlap)]);
      if (empty(joint) || empty(chunk)) {
        end(this);
        done();
        return;
      }
      const last = chunk.length >= overlap ? chunk : Buffer.concat([tail, chunk]);
      tail = Buffer.from(last.subarray(Math.max(0, last.length - overlap)));
      done(null, chunk);
    },
    flush(done) {
      // Everything has gone through by now; the load only has to run again.
      if (!stopped && tail.subarray(-delimiter.length).equals(delimiter)) stop();
      done();
    },
  });
}
