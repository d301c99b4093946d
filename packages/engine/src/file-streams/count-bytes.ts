import { Transform } from 'node:stream';

/** How often a streamed load reports its bytes at most: enough for a bar, not a flood. */
const EVERY_MS = 250;

/**
 * Passes bytes through unchanged, calling `onBytes` with the running total at most every
 * 250 ms and once more at the end, so the last report is the whole count.
 */
export function countBytes(onBytes: (total: number) => void): Transform {
  let total = 0;
  let reportedAt = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      const now = performance.now();
      if (now - reportedAt >= EVERY_MS) {
        reportedAt = now;
        onBytes(total);
      }
      done(null, chunk);
    },
    flush(done) {
      onBytes(total);
      done();
    },
  });
}
