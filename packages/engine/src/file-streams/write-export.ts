import { pipeline } from 'node:stream/promises';
import type { FieldPacket } from 'mysql2';
import type { WriteStream } from 'node:fs';

import type { FileFormat } from '@sluice/stages';

import type { RowStream } from '../file-streaming';
import type { ExportValue } from './export-values';
import { createToWrite } from '../confined-files';
import { csvLine, linesOf } from './csv-lines';
import { jsonText } from './export-values';

function jsonLine(names: readonly string[]): (row: readonly ExportValue[]) => string {
  // Each key quoted once with its colon and the comma before it; a row is then one loop of
  // appends, with no array or closure made per row.
  const keys = names.map((name, i) => `${i === 0 ? '' : ','}${JSON.stringify(name)}:`);
  return (row) => {
    let line = '{';
    for (let i = 0; i < keys.length; i += 1) line += `${keys[i] ?? ''}${jsonText(row[i] ?? null)}`;
    return `${line}}\n`;
  };
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
    await pipeline(stream.rows, linesOf(jsonLine(names), { counter }), out);
    return counter.rows;
  }
  const line = csvLine(format);
  const head = format.header ? line(names) : '';
  await pipeline(stream.rows, linesOf(line, { head, counter }), out);
  return counter.rows;
}
