import { Readable, Transform } from 'node:stream';

import type { CsvFormat } from '@sluice/stages';

const CR = 0x0d;
const LF = 0x0a;

/** The byte of a one-byte character, or undefined for a character UTF-8 spells in several. */
function singleByte(char: string): number | undefined {
  const bytes = Buffer.from(char, 'utf8');
  return bytes.length === 1 ? bytes[0] : undefined;
}

/** A quoted field still open at the end of the file; `line` is where its quote opened, from 1. */
export class UnclosedQuoteError extends Error {
  override name = 'UnclosedQuoteError';

  constructor(readonly line: number) {
    super(`The quoted field opened on line ${String(line)} is not closed.`);
  }
}

interface Bytes {
  quote: number | undefined;
  escape: number | undefined;
  delimiter: number | undefined;
}

/**
 * Reads a delimited file byte by byte, knowing where it is: inside a quoted field or not, at
 * the start of a field (where a quote opens one), right after a quote inside one (doubled, or
 * closing), after an escape, or holding a CR outside quotes until the next byte says whether
 * it ends a line; and on which line the quoted field it is in opened.
 */
class LineEndReader {
  private quoted = false;
  private line = 1;
  /** The line the open quoted field started on. */
  private quotedFrom = 0;
  private fieldStart = true;
  private afterQuote = false;
  private escaped = false;
  private heldCr = false;
  private out = Buffer.alloc(0);
  private size = 0;
  /** Lines ended outside quoted fields and escapes: rows, header and skipped lines alike. */
  lineEnds = 0;

  constructor(private readonly bytes: Bytes) {}

  /**
   * The chunk with CRLF outside quotes made LF; a CR at its end waits for the next chunk. With
   * `lastLine`, only up to the end of that line (counting from 1 over the whole file).
   */
  read(chunk: Buffer, lastLine = Infinity): Buffer {
    this.out = Buffer.allocUnsafe(chunk.length + 1);
    this.size = 0;
    if (lastLine === Infinity) {
      this.readWhole(chunk);
    } else {
      for (const byte of chunk) {
        if (this.lineEnds >= lastLine) break;
        this.step(byte);
      }
    }
    return this.out.subarray(0, this.size);
  }

  /**
   * `read` without a line limit: the runs of bytes that change no state but the line counts
   * (all but quotes, escapes and CRs outside a quoted field; all but quotes and escapes inside
   * one) are copied whole, so a file costs a few native searches per special byte instead of
   * a JavaScript step per byte.
   */
  private readWhole(chunk: Buffer): void {
    const next = new NextByte(chunk, this.bytes);
    let at = 0;
    while (at < chunk.length) {
      const plain = !this.escaped && !this.heldCr && !(this.quoted && this.afterQuote);
      const end = plain ? next.special(at, this.quoted) : at;
      if (end > at) {
        this.copyPlain(chunk, at, end);
        at = end;
      } else {
        this.step(chunk[at] ?? 0);
        at += 1;
      }
    }
  }

  /** Copies bytes `from`..`to` that hold no special byte, counting their line ends. */
  private copyPlain(chunk: Buffer, from: number, to: number): void {
    chunk.copy(this.out, this.size, from, to);
    this.size += to - from;
    let lines = 0;
    for (let lf = chunk.indexOf(LF, from); lf !== -1 && lf < to; lf = chunk.indexOf(LF, lf + 1)) {
      lines += 1;
    }
    this.line += lines;
    if (this.quoted) return;
    this.lineEnds += lines;
    const last = chunk[to - 1];
    this.fieldStart = last === LF || last === this.bytes.delimiter;
  }

  private emit(byte: number): void {
    this.out[this.size++] = byte;
  }

  /** The line of a quoted field the file ended in, or undefined when every quote closed. */
  unclosedFrom(): number | undefined {
    return this.quoted && !this.afterQuote ? this.quotedFrom : undefined;
  }

  private step(byte: number): void {
    if (byte === LF) this.line += 1;
    if (this.heldCr) {
      this.heldCr = false;
      if (byte !== LF) this.emit(CR);
    }
    if (this.escaped) {
      this.escaped = false;
      this.emit(byte);
      return;
    }
    if (this.quoted && this.stepQuoted(byte)) return;
    // MySQL applies ESCAPED BY outside quotes too (sql-reference.md §9.1): the byte after stays.
    if (byte === this.bytes.escape) {
      this.escaped = true;
      this.fieldStart = false;
    } else if (byte === this.bytes.quote && this.fieldStart) {
      this.quoted = true;
      this.quotedFrom = this.line;
      this.fieldStart = false;
    } else if (byte === CR) {
      this.heldCr = true;
      return;
    } else {
      this.fieldStart = byte === LF || byte === this.bytes.delimiter;
      if (byte === LF) this.lineEnds += 1;
    }
    this.emit(byte);
  }

  /** Reads a byte inside a quoted field; false when it closed the field and reads on outside. */
  private stepQuoted(byte: number): boolean {
    if (this.afterQuote) {
      this.afterQuote = false;
      if (byte !== this.bytes.quote) {
        this.quoted = false;
        return false;
      }
    } else if (byte === this.bytes.escape) {
      this.escaped = true;
    } else if (byte === this.bytes.quote) {
      this.afterQuote = true;
    }
    this.emit(byte);
    return true;
  }
}

/** Where the next quote, escape and CR of a chunk are, each searched for again only once passed. */
class NextByte {
  private readonly found = new Map<number, number>();

  constructor(
    private readonly chunk: Buffer,
    private readonly bytes: Bytes,
  ) {}

  /** The first byte at or after `at` that changes the reader's state, or the chunk's end. */
  special(at: number, quoted: boolean): number {
    const { quote, escape } = this.bytes;
    let end = Math.min(this.after(quote, at), this.after(escape, at));
    if (!quoted) end = Math.min(end, this.after(CR, at));
    return end;
  }

  private after(byte: number | undefined, at: number): number {
    if (byte === undefined) return this.chunk.length;
    let position = this.found.get(byte) ?? -1;
    if (position < at) {
      position = this.chunk.indexOf(byte, at);
      if (position === -1) position = this.chunk.length;
      this.found.set(byte, position);
    }
    return position;
  }
}

function readerFor(format: CsvFormat): LineEndReader {
  return new LineEndReader({
    quote: singleByte(format.quote),
    escape: format.escape === format.quote ? undefined : singleByte(format.escape),
    delimiter: singleByte(format.delimiter),
  });
}

/**
 * Turns CRLF line endings of a delimited file into LF, outside quoted fields only. The MySQL
 * dialect's loads end lines at `\n` (sql-reference.md §9.1), so a file written on Windows would
 * otherwise keep a CR at the end of every last field; DuckDB reads both endings, and a quoted
 * value keeps its own CRLF on both. A quote opens a field only at its start, as in DuckDB, so a
 * stray quote inside an unquoted value changes nothing, and a CR held at the very end is
 * dropped as a final line end, as DuckDB drops it. A file whose first line ends without a CR
 * is taken as LF-only and passes through untouched. A quoted field still open at the end fails
 * the stream with `UnclosedQuoteError`: MySQL would load its opening quote and the rest of the
 * file as one value, without a warning.
 */
export function crlfToLf(format: CsvFormat): Transform {
  const reader = readerFor(format);
  let lfOnly: boolean | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // Decided by the first line end seen: until then, chunks go through the reader.
      if (lfOnly === undefined && chunk.indexOf(CR) !== -1) lfOnly = false;
      else if (lfOnly === undefined && chunk.indexOf(LF) !== -1) lfOnly = true;
      const converted = reader.read(chunk);
      done(null, lfOnly === true ? chunk : converted);
    },
    flush(done) {
      const line = reader.unclosedFrom();
      done(line === undefined ? null : new UnclosedQuoteError(line));
    },
  });
}

/**
 * The first `lines` lines of a delimited file (a line break inside a quoted field ends none), as
 * `crlfToLf` turns them; reading stops there and the file is closed, so a sample of a huge file
 * costs its own bytes only. A quoted field still open where the file ends fails the stream.
 */
export function firstLines(input: Readable, format: CsvFormat, lines: number): Readable {
  const reader = readerFor(format);
  async function* head(): AsyncGenerator<Buffer> {
    for await (const chunk of input) {
      yield reader.read(chunk as Buffer, lines);
      if (reader.lineEnds >= lines) return;
    }
    const line = reader.unclosedFrom();
    if (line !== undefined) throw new UnclosedQuoteError(line);
  }
  return Readable.from(head(), { objectMode: false });
}
