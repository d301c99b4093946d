import { Transform } from 'node:stream';

import type { CsvFormat } from '@sluice/stages';

const CR = 0x0d;
const LF = 0x0a;

/** The byte of a one-byte character, or undefined for a character UTF-8 spells in several. */
function singleByte(char: string): number | undefined {
  const bytes = Buffer.from(char, 'utf8');
  return bytes.length === 1 ? bytes[0] : undefined;
}

/** How many times `byte` occurs in `chunk`, counted by the native search. */
function countOf(chunk: Buffer, byte: number): number {
  let count = 0;
  for (let at = chunk.indexOf(byte); at !== -1; at = chunk.indexOf(byte, at + 1)) count++;
  return count;
}

/**
 * Turns CRLF line endings of a delimited file into LF, outside quoted fields only. The MySQL
 * dialect's loads end lines at `\n` (sql-reference.md §9.1), so a file written on Windows would
 * otherwise keep a CR at the end of every last field; DuckDB reads both endings, and a quoted
 * value keeps its own CRLF on both. A quote doubled inside a quoted field flips the state twice,
 * so it needs no case of its own; an escape other than the quote skips the byte after it.
 */
export function crlfToLf(format: CsvFormat): Transform {
  const quote = singleByte(format.quote);
  const escape = format.escape === format.quote ? undefined : singleByte(format.escape);
  let quoted = false;
  let escaped = false;
  let heldCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // Most files end lines with LF alone: without a CR and an escape of its own, a chunk only
      // moves the quote state, which the count of its quotes gives without a loop in JavaScript.
      if (!heldCr && escape === undefined && chunk.indexOf(CR) === -1) {
        if (quote !== undefined && countOf(chunk, quote) % 2 === 1) quoted = !quoted;
        done(null, chunk);
        return;
      }
      const out = Buffer.allocUnsafe(chunk.length + 1);
      let size = 0;
      for (const byte of chunk) {
        if (heldCr) {
          heldCr = false;
          if (byte !== LF) out[size++] = CR;
        }
        if (escaped) escaped = false;
        else if (quoted && byte === escape) escaped = true;
        else if (byte === quote) quoted = !quoted;
        else if (!quoted && byte === CR) {
          heldCr = true;
          continue;
        }
        out[size++] = byte;
      }
      done(null, out.subarray(0, size));
    },
    flush(done) {
      done(null, heldCr ? Buffer.from([CR]) : null);
    },
  });
}
