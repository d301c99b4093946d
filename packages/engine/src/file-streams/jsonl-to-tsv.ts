import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { isLosslessNumber, parse, stringify } from 'lossless-json';

import { errorReason } from '../error-details';

/** Lines sent to the server per chunk: big enough to keep packets full, small enough to stream. */
const LINES_PER_CHUNK = 500;

/** MySQL's escapes for its default `ESCAPED BY '\\'` text (sql-reference.md §9.1). */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
};

/**
 * One value in MySQL's default load text: NULL (or a missing key) is `\N`, booleans 1/0 (MySQL's
 * BOOLEAN is TINYINT(1)), a number its text exactly as the file wrote it (so the server, not a
 * JavaScript double, reads 9007199254740993 or a 30-digit decimal), objects and arrays their
 * JSON text, and `\`, tab, newline, CR and NUL escaped so no value can end its field or line.
 */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (isLosslessNumber(value)) return value.value;
  const text = typeof value === 'string' ? value : (stringify(value) ?? '');
  return text.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c] ?? c);
}

/** A JSON lines file that cannot be read, naming the file and the line. */
export class JsonLinesError extends Error {
  override name = 'JsonLinesError';
}

/**
 * Parses one line, numbers kept as their text (lossless-json), into its values in `columns`
 * order: an object's by key, an array's by position. Says where a line is wrong.
 */
function parseLine(
  line: string,
  where: string,
  { columns, rows }: { columns: readonly string[]; rows: JsonRows },
): unknown[] {
  let parsed: unknown;
  try {
    parsed = parse(line);
  } catch (error) {
    throw new JsonLinesError(
      `Cannot load ${where}: the line is not valid JSON (${errorReason(error)}).`,
    );
  }
  if (rows === 'arrays') {
    if (Array.isArray(parsed)) return columns.map((_, i): unknown => parsed[i]);
    throw new JsonLinesError(`Cannot load ${where}: the line is not a JSON array.`);
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const row = parsed as Record<string, unknown>;
    return columns.map((name) => row[name]);
  }
  throw new JsonLinesError(`Cannot load ${where}: the line is not a JSON object.`);
}

/** Whether each line holds an object (keys name columns) or an array (values in column order). */
export type JsonRows = 'objects' | 'arrays';

async function* tsvChunks(
  input: Readable,
  columns: readonly string[],
  { file, maxRows, rows: layout }: { file: string; maxRows: number; rows: JsonRows },
): AsyncGenerator<Buffer> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let chunk: string[] = [];
  let lineNumber = 0;
  let rows = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (rows === maxRows) {
      // A sample ends here: the rest of the file is never read.
      input.destroy();
      break;
    }
    rows += 1;
    const values = parseLine(line, `${file}, line ${String(lineNumber)}`, {
      columns,
      rows: layout,
    });
    chunk.push(`${values.map(field).join('\t')}\n`);
    if (chunk.length >= LINES_PER_CHUNK) {
      yield Buffer.from(chunk.join(''));
      chunk = [];
    }
  }
  if (chunk.length > 0) yield Buffer.from(chunk.join(''));
}

/**
 * The rows of the JSON lines file read from `input` as MySQL's default tab-separated load text,
 * `columns` in order (keys not listed, and array values past the last column, are ignored), for `LOAD DATA LOCAL INFILE` with the
 * default FIELDS and LINES. A malformed line fails the stream naming `file` (the file as a
 * person knows it, its stage:// URI) and the line number. With `maxRows`, only the first rows
 * are read (a sample).
 */
export function jsonLinesAsTsv(
  input: Readable,
  columns: readonly string[],
  file: { file: string; maxRows?: number; rows?: JsonRows },
): Readable {
  const options = {
    file: file.file,
    maxRows: file.maxRows ?? Infinity,
    rows: file.rows ?? 'objects',
  };
  return Readable.from(tsvChunks(input, columns, options), { objectMode: false });
}
