import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';

import type { CsvFormat } from '@sluice/stages';

import { CSV } from '../../test/formats';
import { crlfToLf } from './crlf-to-lf';

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

  it('leaves a file with LF endings as it is, quoted CRLFs included', async () => {
    expect(await convert(unix, 5)).toBe(unix);
  });

  it('skips the byte after an escape that is not the quote', async () => {
    const format = { ...CSV, escape: '\\' };
    const input = 'a\r\n"q\\"\r\nstill quoted"\r\nz\r\n';
    expect(await convert(input, 4, format)).toBe('a\n"q\\"\r\nstill quoted"\nz\n');
  });
});
