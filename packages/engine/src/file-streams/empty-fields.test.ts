import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';

import { CSV } from '../../test/formats';
import { stopAtEmptyField } from './empty-fields';

/**
 * Streams `input` cut into `size`-byte chunks, so the signs fall across chunk edges too; gives
 * what came through and whether it stopped.
 */
async function guarded(input: string, size: number, format = CSV) {
  const bytes = Buffer.from(input);
  const chunks = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  let stopped = false;
  const through = await text(
    Readable.from(chunks).pipe(
      stopAtEmptyField(format, () => {
        stopped = true;
      }),
    ),
  );
  return { through, stopped };
}

const SIZES = [1, 2, 3, 5, 1000];

describe('stopAtEmptyField', () => {
  it.each(SIZES)(
    'passes a file with no empty field through unchanged, in %i-byte chunks',
    async (size) => {
      const full = 'id,name,amount\n1,"a, b",2.5\n2,c,3\n';
      expect(await guarded(full, size)).toEqual({ through: full, stopped: false });
    },
  );

  it.each([
    ['two delimiters in a row', 'id,name\n1,,x\n'],
    ['a delimiter ending a line', 'id,name\n1,\n2,b\n'],
    ['a delimiter starting a line', 'id,name\n,a\n'],
    ['a delimiter starting the file', ',name\n1,a\n'],
    ['a delimiter ending the file', 'id,name\n1,a\n2,'],
    ['an empty quoted field', 'id,name\n1,""\n'],
  ])('stops at %s, with what came before it at most', async (_, input) => {
    for (const size of SIZES) {
      const { through, stopped } = await guarded(input, size);
      expect(stopped).toBe(true);
      expect(input.startsWith(through)).toBe(true);
    }
  });

  it('reads the delimiter and quote of the format, several bytes long or none', async () => {
    const tsv = { ...CSV, delimiter: '§', quote: '' };
    expect(await guarded('a§b\n""§c\n', 1, tsv)).toEqual({
      through: 'a§b\n""§c\n',
      stopped: false,
    });
    expect((await guarded('a§§b\n', 1, tsv)).stopped).toBe(true);
  });
});
