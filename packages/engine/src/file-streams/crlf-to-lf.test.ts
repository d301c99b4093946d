import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';

import type { CsvFormat } from '@sluice/stages';

import { CSV } from '../../test/formats';
import { crlfToLf, firstLines, UnclosedQuoteError } from './crlf-to-lf';

/** Streams `input` cut into `size`-byte chunks, so CRLFs and quotes fall across chunk edges. */
async function convert(input: string, size: number, format: CsvFormat = CSV): Promise<string> {
  const bytes = Buffer.from(input);
  const chunks = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return text(Readable.from(chunks).pipe(crlfToLf(format)));
}

describe('crlfToLf', () => {
  const windows = 'a,b\r\n1,"x\r\ny"\r\n2,"say ""hi"""\r\n3,lone\rcr\r\n';
  const unix = 'a,b\n1,"x\r\ny"\n2,"say ""hi"""\n3,lone\rcr\n';

  it.each([1, 2, 3, 7, 1000])(
    'ends lines with LF outside quotes, in %i-byte chunks',
    async (size) => {
      expect(await convert(windows, size)).toBe(unix);
    },
  );

  it('passes a file whose first chunk has no CR through untouched', async () => {
    const lf = 'a,b\n1,"x"\n2,5" pipe\n';
    expect(await convert(lf, 1000)).toBe(lf);
    expect(await convert(unix, 1000)).toBe(unix);
  });

  it('opens a quote only at the start of a field, as DuckDB reads it', async () => {
    const input = '1,5" pipe,a\r\n2,x,"l1\r\nl2"\r\n3,"a""b",c\r\n';
    expect(await convert(input, 3)).toBe('1,5" pipe,a\n2,x,"l1\r\nl2"\n3,"a""b",c\n');
  });

  it('drops a CR that ends the file, as a final line end', async () => {
    expect(await convert('a,b\r\n1,2\r', 2)).toBe('a,b\n1,2');
  });

  it('skips the byte after an escape that is not the quote', async () => {
    const format = { ...CSV, escape: '\\' };
    const input = 'a\r\n"q\\"\r\nstill quoted"\r\nC:\\dir\\\r\nz\r\n';
    // Outside quotes too, as MySQL reads ESCAPED BY: the CR after a backslash stays.
    expect(await convert(input, 4, format)).toBe('a\n"q\\"\r\nstill quoted"\nC:\\dir\\\r\nz\n');
  });

  it.each([1, 3, 1000])(
    'fails on a quoted field the file never closes, naming its line (%i-byte chunks)',
    async (size) => {
      for (const ending of ['\n', '\r\n']) {
        const input = ['a,b', '1,"x', 'y"', '2,"open', '3,z', ''].join(ending);
        const error: unknown = await convert(input, size).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnclosedQuoteError);
        expect((error as UnclosedQuoteError).line).toBe(4);
      }
    },
  );

  it('takes a quote that closes the last field, a doubled one or an escaped one as closed', async () => {
    expect(await convert('a\n"x"', 1)).toBe('a\n"x"');
    expect(await convert('a\n"say ""hi"""\n', 2)).toBe('a\n"say ""hi"""\n');
    const format = { ...CSV, escape: '\\' };
    expect(await convert('a\n"q\\"still"\n', 1, format)).toBe('a\n"q\\"still"\n');
    expect(await convert('a\n5" pipe\n', 1)).toBe('a\n5" pipe\n');
  });
});

describe('crlfToLf on long runs of plain bytes', () => {
  /** A file of random fields drawn from `alphabet`, with CRLF line ends. */
  function randomFile(seed: number, alphabet: string): string {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const lines = Array.from({ length: 200 }, () =>
      Array.from({ length: 4 }, () =>
        Array.from({ length: Math.floor(next() * 12) }, () =>
          alphabet.charAt(Math.floor(next() * alphabet.length)),
        ).join(''),
      ).join(','),
    );
    return `${lines.join('\r\n')}\r\n`;
  }

  it.each([1, 2, 3, 4, 5])(
    'reads a file with quotes, escapes and stray CRs as the byte-by-byte reading does (seed %i)',
    async (seed) => {
      const format = { ...CSV, escape: '\\' };
      const file = randomFile(seed, 'abc xyz"\\\r\n');
      // firstLines with a limit past the file's end reads byte by byte; crlfToLf in bulk.
      const byteByByte = await text(firstLines(Readable.from([Buffer.from(file)]), format, 1e9))
        .then((out) => ({ out }))
        .catch((error: unknown) => ({ error }));
      const bulk = await convert(file, 64 * 1024, format)
        .then((out) => ({ out }))
        .catch((error: unknown) => ({ error }));
      expect(bulk).toEqual(byteByByte);
    },
  );

  it('names the line of a quote left open after thousands of plain lines', async () => {
    const file = `${'1,abc\n'.repeat(5000)}2,"open\n3,x\n`;
    const error: unknown = await convert(file, 64 * 1024).catch((e: unknown) => e);
    expect((error as UnclosedQuoteError).line).toBe(5001);
  });
});

describe('firstLines', () => {
  it.each([1, 4, 1000])(
    'keeps whole lines up to the limit, a quoted line break inside one, in %i-byte chunks',
    async (size) => {
      const file = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n3,w\r\n';
      const bytes = Buffer.from(file);
      const chunks = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      const source = Readable.from(chunks);
      expect(await text(firstLines(source, CSV, 3))).toBe('a,b\n1,"x\r\ny"\n2,z\n');
      expect(source.destroyed).toBe(true);
    },
  );

  it('passes a shorter file whole, and fails on a quote left open', async () => {
    expect(await text(firstLines(Readable.from([Buffer.from('a\n1\n')]), CSV, 10))).toBe('a\n1\n');
    const open = firstLines(Readable.from([Buffer.from('a\n"1\n')]), CSV, 10);
    await expect(text(open)).rejects.toBeInstanceOf(UnclosedQuoteError);
  });
});
