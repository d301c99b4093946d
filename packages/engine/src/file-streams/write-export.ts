import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Options as StringifyOptions } from 'csv-stringify';
import type { FieldPacket } from 'mysql2';
import type { WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';

import type { CsvFormat, FileFormat } from '@sluice/stages';

import type { RowStream } from '../file-streaming';
import type { ExportValue } from './export-values';
import { createToWrite } from '../confined-files';
import { csvText, jsonText } from './export-values';

/** Stands for SQL NULL between the row mapper and the CSV writer, which prints `nullString`. */
const NULL = Object.freeze({ null: true });

/**
 * csv-stringify set up to write what DuckDB's `COPY … (FORMAT csv)` writes: a field is quoted
 * when it holds the delimiter, the quote, a line break, a carriage return or `#`, or when it
 * equals the null string (so it reads back as text); inside quotes the quote and the escape
 * character are escaped; NULL is the null string unquoted; lines end with `\n`.
 */
function csvOptions(format: CsvFormat, columns: string[]): StringifyOptions {
  return {
    header: format.header,
    columns,
    delimiter: format.delimiter,
    quote: format.quote,
    escape: format.escape,
    record_delimiter: 'unix',
    // csv-stringify quotes a lone CR only when told; DuckDB quotes it as a line break.
    quoted_match: [/#/, /\r/],
    cast: {
      object: (value) => (value === NULL ? format.nullString : JSON.stringify(value)),
      // `quoted_empty` too: csv-stringify leaves an empty value bare unless told.
      string: (value) =>
        value === format.nullString ? { value, quoted: true, quoted_empty: true } : value,
    },
  };
}

/** Maps each row (an array of values) to a chunk for the next writer, counting rows. */
function rowMapper(map: (row: ExportValue[]) => unknown, counter: { rows: number }): Transform {
  return new Transform({
    objectMode: true,
    transform(row: ExportValue[], _encoding, done) {
      counter.rows += 1;
      done(null, map(row));
    },
  });
}

function jsonLine(names: readonly string[]): (row: ExportValue[]) => string {
  const keys = names.map((name) => JSON.stringify(name));
  return (row) => `{${keys.map((key, i) => `${key}:${jsonText(row[i] ?? null)}`).join(',')}}\n`;
}

/**
 * Writes a streamed query's rows to a new file at `path` in `format`, byte for byte as DuckDB's
 * COPY would write the same rows (CSV, or JSON lines with keys in column order); returns the rows
 * written. The file is created only inside the real folder checked at `path` (`createToWrite`);
 * `uri`, its stage:// form, names it in errors.
 */
export async function writeExport(
  stream: RowStream,
  format: FileFormat,
  file: { path: string; uri: string },
): Promise<number> {
  if (format.kind === 'parquet') {
    throw new Error(
      'Parquet files cannot be written from MySQL or MariaDB; export CSV or JSON lines.',
    );
  }
  let names: string[];
  try {
    names = (await stream.fields).map((f: FieldPacket) => f.name);
  } catch (error) {
    stream.rows.destroy();
    throw error;
  }
  const counter = { rows: 0 };
  let out: WriteStream;
  try {
    out = (await createToWrite(file.path, file.uri)).createWriteStream();
  } catch (error) {
    stream.rows.destroy();
    throw error;
  }
  if (format.kind === 'jsonl') {
    await pipeline(stream.rows, rowMapper(jsonLine(names), counter), out);
    return counter.rows;
  }
  const toCsv = (row: ExportValue[]) => row.map((v) => (v === null ? NULL : csvText(v)));
  await pipeline(stream.rows, rowMapper(toCsv, counter), stringify(csvOptions(format, names)), out);
  return counter.rows;
}
