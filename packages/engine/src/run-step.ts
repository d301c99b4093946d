import { pipeline } from 'node:stream';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';

import type { PlanFile, PlanStep } from '@sluice/compiler';
import { stageUri } from '@sluice/compiler';
import { readCompression } from '@sluice/stages';

import type { FileStreaming } from './file-streaming';
import type { SqlClient } from './sql-client';
import type { StagePlace } from './stage-terms';
import type { StatementProfiles } from './statement-profiles';
import { openToRead } from './confined-files';
import { unclosedQuote } from './database-error-text';
import { errorReason } from './error-details';
import { LoadWarningError } from './file-streaming';
import { countBytes } from './file-streams/count-bytes';
import { crlfToLf, firstLines, UnclosedQuoteError } from './file-streams/crlf-to-lf';
import { stopAtEmptyField } from './file-streams/empty-fields';
import { exportTypeCast } from './file-streams/export-values';
import { gunzip } from './file-streams/gunzip';
import { jsonLinesAsTsv } from './file-streams/jsonl-to-tsv';
import { writeExport } from './file-streams/write-export';
import { uriBeside } from './plan-files';
import { inStageTerms } from './stage-terms';

/** Reports how many bytes of its file a streamed load has read, of the file's size. */
export type LoadProgress = (read: { bytesRead: number; totalBytes: number }) => void;

/**
 * The bytes Sluice sends for a streamed load of the file open as `handle`: unpacked when it is
 * gzip (named, or by its extension; the compiler refuses what else it cannot unpack), then a
 * delimited file with its line endings made LF, JSON lines turned to text, anything else as it
 * is; for a sample, only the first rows (after the header and skipped lines). The file's own
 * bytes are counted as they are read, so progress compares with the file's size.
 */
function bytesForLoad(
  file: PlanFile,
  handle: FileHandle,
  { counted, stop }: { counted?: (bytesRead: number) => void; stop: () => void },
): Readable {
  const format = file.stream?.format;
  const sampleRows = file.stream?.sampleRows;
  const read = handle.createReadStream();
  const packed = counted ? pipeline(read, countBytes(counted), () => undefined) : read;
  const compression =
    format === undefined || format.kind === 'parquet'
      ? 'none'
      : readCompression(file.ref.path, format.compression);
  // `pipeline` hands a broken gzip's error on to the stream the server reads.
  const bytes = compression === 'gzip' ? gunzip(packed, stageUri(file.ref)) : packed;
  if (format?.kind === 'jsonl') {
    return jsonLinesAsTsv(bytes, file.stream?.columns ?? [], {
      file: stageUri(file.ref),
      ...(format.rows === undefined ? {} : { rows: format.rows }),
      ...(sampleRows === undefined ? {} : { maxRows: sampleRows }),
    });
  }
  if (format?.kind !== 'csv') return bytes;
  const lines =
    sampleRows === undefined
      ? // `pipeline` hands a read error on to the stream the server reads, which `pipe` would not.
        pipeline(bytes, crlfToLf(format), () => undefined)
      : firstLines(bytes, format, format.skipLines + (format.header ? 1 : 0) + sampleRows);
  return file.stream?.stopAtEmptyField
    ? pipeline(lines, stopAtEmptyField(format, stop), () => undefined)
    : lines;
}

/** The file as a load's careful form reads it: every field, empty or not. */
function carefully(file: PlanFile): PlanFile {
  if (!file.stream) return file;
  const { stopAtEmptyField: _, ...stream } = file.stream;
  return { ...file, stream };
}

/** A quoted identifier qualified by others: `db`.`table`.`column`. */
const QUALIFIED_NAME = /(?:`(?:[^`]|``)*`\.)+(`(?:[^`]|``)*`)/g;

/**
 * Names the file and, where the server gave a row, the line it is on (after skipped lines), or
 * the line an unclosed quote opened on. MariaDB names a column with its database and table
 * (`db`.`__sluice_r1_src`.`id`); the staging table means nothing to a person, so only the column
 * is kept.
 */
function rejectedRow(file: PlanFile, error: LoadWarningError | UnclosedQuoteError): Error {
  const name = stageUri(file.ref);
  const format = file.stream?.format;
  if (error instanceof UnclosedQuoteError) {
    const quote = format?.kind === 'csv' ? format.quote : '"';
    const reason = unclosedQuote(quote);
    return new Error(`Cannot load ${name}, line ${String(error.line)}: ${reason}.`, {
      cause: error,
    });
  }
  const before = format?.kind === 'csv' ? format.skipLines + (format.header ? 1 : 0) : 0;
  const where = error.row === undefined ? name : `${name}, line ${error.row + before}`;
  const reason = error.reason.replace(QUALIFIED_NAME, '$1');
  return new Error(`Cannot load ${where}: ${reason}`, { cause: error });
}

/**
 * The step's error with each of its files named by its stage:// form instead of the server's
 * path (DuckDB names the file it failed on); the error itself when it names none.
 */
function namingFiles(step: PlanStep, error: unknown): unknown {
  const message = errorReason(error);
  const named = inStageTerms(message, (step.files ?? []).flatMap(placesOf));
  return named === message ? error : new Error(named, { cause: error });
}

/** A step's file and its temporary file, each with the stage:// form messages name it by. */
function placesOf(file: PlanFile): StagePlace[] {
  const { local, temp } = file;
  return [
    ...(local === undefined ? [] : [{ local, uri: stageUri(file.ref) }]),
    ...(temp === undefined ? [] : [{ local: temp, uri: uriBeside(file, temp) }]),
  ];
}

/** What a streamed load runs on: the run's connection, its file streaming, and who hears progress. */
interface LoadContext {
  client: SqlClient;
  streaming: FileStreaming;
  onProgress: LoadProgress | undefined;
}

/**
 * Runs a `LOAD DATA LOCAL INFILE` statement fed with `file`: the rows loaded, whether the stream
 * stopped at an empty field (see `FileStream.stopAtEmptyField`), and the server's first warning,
 * which fails the load unless the caller has a remedy for it.
 */
async function streamLoad(
  { streaming, onProgress }: LoadContext,
  sql: string,
  file: PlanFile,
): Promise<{ rows: number; stopped: boolean; warning?: LoadWarningError }> {
  const { local, stream } = file;
  if (local === undefined || stream?.token === undefined) {
    throw new Error(`A load streams ${stageUri(file.ref)}, which has no local path.`);
  }
  const { token } = stream;
  // Opened before the statement is sent, so a file that changed since its check is refused
  // before the server asks for it.
  const handle = await openToRead(local, stageUri(file.ref));
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  try {
    const totalBytes = onProgress && (await handle.stat()).size;
    const counted =
      totalBytes === undefined
        ? undefined
        : (bytesRead: number) => onProgress?.({ bytesRead, totalBytes });
    const rows = await streaming.loadLocal(sql, token, () =>
      bytesForLoad(file, handle, { counted, stop }),
    );
    return { rows, stopped };
  } catch (error) {
    if (error instanceof LoadWarningError) return { rows: 0, stopped, warning: error };
    throw error instanceof UnclosedQuoteError ? rejectedRow(file, error) : error;
  } finally {
    await handle.close();
  }
}

/**
 * Loads the step's file: with its SQL, then where that stopped at an empty field with its
 * careful form (`fallback`), and where the server warned with its table remade for text of any
 * length (`widen`) the same way again. Only a step with a careful form stops its file.
 */
async function loadFile(context: LoadContext, step: PlanStep, read: PlanFile): Promise<number> {
  const { client } = context;
  let sql = step.sql;
  let file = read;
  let loaded = await streamLoad(context, sql, file);
  if (loaded.stopped) {
    if (!step.fallback) throw new Error(`Step ${step.id} stopped its file with no careful load.`);
    for (const statement of step.fallback.before) await client.run(statement);
    ({ sql } = step.fallback);
    file = carefully(read);
    loaded = await streamLoad(context, sql, file);
  }
  if (loaded.warning && step.widen) {
    for (const statement of step.widen) await client.run(statement);
    loaded = await streamLoad(context, sql, file);
  }
  if (loaded.warning) throw rejectedRow(file, loaded.warning);
  return loaded.rows;
}

/** Runs the step's SQL, moving its streamed file if it has one; returns the rows it changed. */
async function execute(client: SqlClient, step: PlanStep, options: StepOptions): Promise<number> {
  const { onProgress, fileStreaming: streaming } = options;
  const read = step.files?.find((f) => f.mode === 'read' && f.stream?.token !== undefined);
  const write = step.files?.find((f) => f.mode === 'write' && f.stream !== undefined);
  if (!read && !write) return runCounting(client, step, options);
  if (!streaming) {
    throw new Error(`Step ${step.id} streams a file, which this target's connection cannot do.`);
  }
  if (read) return loadFile({ client, streaming, onProgress }, step, read);
  const path = write?.temp ?? write?.local;
  if (write?.stream === undefined || path === undefined) {
    throw new Error(`Step ${step.id} exports to a file that has no local path.`);
  }
  const rows = streaming.streamRows(step.sql, exportTypeCast);
  return writeExport(rows, write.stream.format, { path, uri: stageUri(write.ref) });
}

/**
 * Runs a step's statement, and where a file source read in place inside it reports rows the
 * statement's own count does not give (an inlined stage whose rows are `unknown`), runs it with
 * the database's profile and tells `onStageRows` the rows each such file gave.
 */
async function runCounting(
  client: SqlClient,
  step: PlanStep,
  { statementProfiles, onStageRows }: StepOptions,
): Promise<number> {
  const unknown = new Set(
    (step.inlined ?? []).filter((s) => s.rows === 'unknown').map((s) => s.stageId),
  );
  const scans = (step.files ?? []).filter(
    (f) => f.mode === 'read' && f.local !== undefined && unknown.has(f.stageId ?? ''),
  );
  if (scans.length === 0 || !statementProfiles || !onStageRows) return client.run(step.sql);
  const profiled = await statementProfiles.run(client, step.sql);
  for (const { stageId, local } of scans) {
    const rows = profiled.fileRows.get(local ?? '');
    if (stageId !== undefined && rows !== undefined) onStageRows(stageId, rows);
  }
  return profiled.rows;
}

/** How a step reaches what is not SQL: the run client's file streaming, and load progress. */
export interface StepOptions {
  /** The run client's file streaming, which steps that stream a file need. */
  fileStreaming?: FileStreaming | undefined;
  /** The run client's statement profiles, which count file sources inlined into a write. */
  statementProfiles?: StatementProfiles | undefined;
  /** Hears the rows of an inlined stage the step's profile counted (see `runCounting`). */
  onStageRows?: ((stageId: string, rows: number) => void) | undefined;
  /** Hears how far a streamed load has read its file. */
  onProgress?: LoadProgress | undefined;
}

/**
 * Runs one step and returns the rows it produced, as its `rowsFrom` says (plan.ts): `changes`
 * is the statement's changed rows (rows loaded or written for a streamed file), `count` runs
 * `rowCountSql` after it.
 */
export async function runStep(
  client: SqlClient,
  step: PlanStep,
  options: StepOptions = {},
): Promise<number | undefined> {
  const changed = await execute(client, step, options).catch((error: unknown) => {
    throw namingFiles(step, error);
  });
  const rowsFrom = step.rowsFrom ?? (step.rowCountSql === undefined ? undefined : 'count');
  if (rowsFrom === 'changes') return changed;
  if (rowsFrom === undefined || step.rowCountSql === undefined) return undefined;
  return countOf(client, step.rowCountSql);
}

/** The number a one-row, one-column counting query returns (`SELECT count(*) …`). */
export async function countOf(client: SqlClient, sql: string): Promise<number | undefined> {
  const [row] = await client.query(sql);
  const counted = Number(Object.values(row ?? {})[0]);
  return Number.isFinite(counted) ? counted : undefined;
}
