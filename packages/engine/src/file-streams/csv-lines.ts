import { Transform } from 'node:stream';

import type { CsvFormat } from '@sluice/stages';

import type { ExportValue } from './export-values';
import { csvText } from './export-values';

/**
 * One CSV line per row, as DuckDB's `COPY … (FORMAT csv)` writes it: a field is quoted when it
 * holds the delimiter, the quote, a line break, a carriage return or `#`, or when it is text equal
 * to the null string (so it reads back as text); inside quotes the escape character and the
 * quote are escaped; NULL is the null string, unquoted; lines end with `\n`.
 *
 * Not csv-stringify: its general per-field machinery (casts, options merged per field) took a
 * third of a streamed export's time, and these rules are the whole of what the export needs.
 */
export function csvLine(format: CsvFormat): (row: readonly ExportValue[]) => string {
  const { delimiter, quote, escape, nullString } = format;
  // One character class for the five, tested once per field.
  const inClass = (c: string) => c.replace(/[\\\]^-]/g, '\\$&');
  const special = new RegExp(`[\n\r#${inClass(delimiter)}${inClass(quote)}]`);
  const quoted = (text: string) => {
    const escaped = escape === quote ? text : text.replaceAll(escape, escape + escape);
    return quote + escaped.replaceAll(quote, escape + quote) + quote;
  };
  const field = (text: string) => (special.test(text) ? quoted(text) : text);
  const nullField = field(nullString);
  return (row) => {
    let line = '';
    for (let i = 0; i < row.length; i += 1) {
      const value = row[i] ?? null;
      if (i > 0) line += delimiter;
      if (value === null) line += nullField;
      else {
        const text = csvText(value);
        line += text === nullString ? quoted(text) : field(text);
      }
    }
    return `${line}\n`;
  };
}

/** Text gathered before it is passed on, so the file gets few large writes. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Turns rows into text with `line`, counting them, and passes the text on in chunks of about
 * 64 KiB, starting with `head` (a CSV header line) even when no row comes.
 */
export function linesOf<Row>(
  line: (row: Row) => string,
  { head = '', counter }: { head?: string; counter: { rows: number } },
): Transform {
  let text = head;
  return new Transform({
    writableObjectMode: true,
    transform(row: Row, _encoding, done) {
      counter.rows += 1;
      text += line(row);
      if (text.length < CHUNK_CHARS) return done();
      const chunk = text;
      text = '';
      done(null, chunk);
    },
    flush(done) {
      done(null, text === '' ? null : text);
    },
  });
}
