import { Transform } from 'node:stream';

import type { CsvFormat } from '@sluice/stages';

const CR = 0x0d;
const LF = 0x0a;

/** The byte of a one-byte character, or undefined for a character UTF-8 spells in several. */
function singleByte(char: string): number | undefined {
  const bytes = Buffer.from(char, 'utf8');
  return bytes.length === 1 ? bytes[0] : undefined;
}

/**
 * Where the reader is in the file: inside a quoted field or not, at the start of a field (where
 * a quote opens one), right after a quote inside one (doubled, or closing), after an escape,
 * or holding a CR outside quotes until the next byte says whether it ends a line.
 */
interface ReadState {
  quoted: boolean;
  fieldStart: boolean;
  afterQuote: boolean;
  escaped: boolean;
  heldCr: boolean;
}

interface Bytes {
  quote: number | undefined;
  escape: number | undefined;
  delimiter: number | undefined;
}

/** Reads one byte, appending what it stands for to `out`; returns the new length of `out`. */
function step(byte: number, state: ReadState, bytes: Bytes, out: Buffer, size: number): number {
  let at = size;
  if (state.heldCr) {
    state.heldCr = false;
    if (byte !== LF) out[at++] = CR;
  }
  if (state.escaped) {
    state.escaped = false;
    out[at++] = byte;
    return at;
  }
  if (state.quoted) {
    if (!state.afterQuote) {
      if (byte === bytes.escape) state.escaped = true;
      else if (byte === bytes.quote) state.afterQuote = true;
      out[at++] = byte;
      return at;
    }
    state.afterQuote = false;
    if (byte === bytes.quote) {
      out[at++] = byte;
      return at;
    }
    state.quoted = false;
  }
  // MySQL applies ESCAPED BY outside quotes too (sql-reference.md §9.1): the byte after stays.
  if (byte === bytes.escape) {
    state.escaped = true;
    state.fieldStart = false;
    out[at++] = byte;
    return at;
  }
  if (byte === bytes.quote && state.fieldStart) {
    state.quoted = true;
    state.fieldStart = false;
    out[at++] = byte;
    return at;
  }
  if (byte === CR) {
    state.heldCr = true;
    return at;
  }
  state.fieldStart = byte === LF || byte === bytes.delimiter;
  out[at++] = byte;
  return at;
}

/**
 * Turns CRLF line endings of a delimited file into LF, outside quoted fields only. The MySQL
 * dialect's loads end lines at `\n` (sql-reference.md §9.1), so a file written on Windows would
 * otherwise keep a CR at the end of every last field; DuckDB reads both endings, and a quoted
 * value keeps its own CRLF on both. A quote opens a field only at its start, as in DuckDB, so a
 * stray quote inside an unquoted value changes nothing, and a CR held at the very end is
 * dropped as a final line end, as DuckDB drops it. A file whose first line ends without a CR
 * is taken as LF-only and passes through untouched, at full speed.
 */
export function crlfToLf(format: CsvFormat): Transform {
  const bytes: Bytes = {
    quote: singleByte(format.quote),
    escape: format.escape === format.quote ? undefined : singleByte(format.escape),
    delimiter: singleByte(format.delimiter),
  };
  const state: ReadState = {
    quoted: false,
    fieldStart: true,
    afterQuote: false,
    escaped: false,
    heldCr: false,
  };
  let lfOnly: boolean | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // Decided by the first line end seen: until then, chunks go through the reader.
      if (lfOnly === undefined && chunk.indexOf(CR) !== -1) lfOnly = false;
      else if (lfOnly === undefined && chunk.indexOf(LF) !== -1) lfOnly = true;
      if (lfOnly === true) {
        done(null, chunk);
        return;
      }
      const out = Buffer.allocUnsafe(chunk.length + 1);
      let size = 0;
      for (const byte of chunk) size = step(byte, state, bytes, out, size);
      done(null, out.subarray(0, size));
    },
  });
}
