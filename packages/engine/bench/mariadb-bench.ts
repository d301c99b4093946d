import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { TestDatabase } from '../test/mariadb';
import type { BenchFlow } from './bench-plans';
import type { MariaDbWork, RunMeasure, RunRequest, Side } from './mariadb-flows';
import { createTestDatabase } from '../test/mariadb';
import { DEST_TABLE, selectedFlows } from './bench-plans';
import {
  destinationColumns,
  EXPORT_ROWS,
  EXPORT_TABLE,
  ORDER_COLUMNS,
  outputFile,
  ROW_BY_ROW_ROWS,
} from './mariadb-flows';
import { measureSide } from './mariadb-side';
import { median } from './measure';

const REPEATS = 3;
const RUN_SCRIPT = join(import.meta.dirname, 'mariadb-run.ts');

/** Medians over the repeats of each side of one flow; `rows` is the row-at-a-time side. */
export interface MariaDbResult {
  flow: BenchFlow;
  rowsOut: number;
  sides: Partial<Record<Side, RunMeasure>>;
}

/** An export of the `EXPORT_ROWS`-row table: rows per second, and the run's memory. */
export interface ExportMeasure {
  format: 'csv' | 'jsonl';
  rows: number;
  rowsPerSecond: number;
  startRssMiB: number;
  peakRssMiB: number;
}

/** A run in a process of its own, whose peak RSS is then the run's alone. */
async function measureInChild(request: RunRequest): Promise<RunMeasure> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', RUN_SCRIPT, JSON.stringify(request)],
    { maxBuffer: 2 ** 20 },
  );
  return JSON.parse(stdout) as RunMeasure;
}

/** Rows the side wrote: the destination table's, or the export's lines after its header. */
async function rowsWritten(
  db: TestDatabase,
  { flow, side, dir }: { flow: BenchFlow; side: Side; dir: string },
) {
  if (flow !== 'export') {
    const [row] = await db.client.query<{ n: number }>(`SELECT count(*) AS n FROM ${DEST_TABLE}`);
    return Number(row?.n);
  }
  const text = await readFile(outputFile(dir, side), 'utf8');
  return text.split('\n').filter(Boolean).length - 1;
}

/** Each run starts from an empty destination and no export files, the same for every side. */
async function resetOutputs(db: TestDatabase, flow: BenchFlow, dir: string): Promise<void> {
  await db.client.run(`DROP TABLE IF EXISTS ${DEST_TABLE}`);
  await db.client.run(`CREATE TABLE ${DEST_TABLE} (${destinationColumns(flow)})`);
  for (const side of ['sluice', 'hand', 'batch'] as const) {
    await rm(outputFile(dir, side), { force: true });
  }
}

/**
 * Medians of the runs' figures; stage seconds of the run whose time is the median, so the
 * stages and the "other steps" left over add up to the time the table shows.
 */
const medianMeasure = (runs: readonly RunMeasure[]): RunMeasure => {
  const seconds = median(runs.map((r) => r.seconds));
  return {
    seconds,
    peakRssMiB: median(runs.map((r) => r.peakRssMiB)),
    startRssMiB: median(runs.map((r) => r.startRssMiB)),
    stageSeconds: runs.find((r) => r.seconds === seconds)?.stageSeconds ?? [],
  };
};

/**
 * The run whose rise from its start to its peak is the median one. Not the median start and
 * the median peak: the start varies by 10 MiB from process to process, and the two medians
 * of different runs would show a rise no run had.
 */
const medianRise = (runs: readonly RunMeasure[]): RunMeasure => {
  const rise = (run: RunMeasure) => run.peakRssMiB - run.startRssMiB;
  const middle = median(runs.map(rise));
  const run = runs.find((r) => rise(r) === middle);
  if (!run) throw new Error('No run was measured.');
  return run;
};

/** The sides measured on a flow: row at a time only on the plain load. */
const sidesOf = (flow: BenchFlow): Side[] =>
  flow === 'plain' ? ['hand', 'sluice', 'batch', 'rows'] : ['hand', 'sluice', 'batch'];

/**
 * The sides in the order of repeat `i`, each one place further on than in the repeat before,
 * so no side always follows the same one (and inherits the server's work left over from it,
 * the pages a large write leaves to flush).
 * @example rotated(['a', 'b', 'c'], 1) // ['b', 'c', 'a']
 */
const rotated = <T>(items: readonly T[], i: number): T[] => {
  const at = i % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
};

/**
 * Runs every side `REPEATS` times, alternating, in this process (only the time is compared),
 * and checks they wrote the same rows.
 */
async function benchFlow(db: TestDatabase, flow: BenchFlow, dir: string): Promise<MariaDbResult> {
  const runs: Partial<Record<Side, RunMeasure[]>> = {};
  const counts = new Set<number>();
  for (let i = 0; i < REPEATS; i += 1) {
    for (const side of rotated(sidesOf(flow), i)) {
      const { location, metaDatabase } = db;
      const request = { side, work: flow, location, metaDatabase, dir, runTag: `b${String(i)}` };
      await resetOutputs(db, flow, dir);
      (runs[side] ??= []).push(await measureSide(request));
      const rows = await rowsWritten(db, { flow, side, dir });
      if (side !== 'rows') counts.add(rows);
      else if (rows !== ROW_BY_ROW_ROWS)
        throw new Error(`Row at a time wrote ${String(rows)} rows.`);
    }
  }
  if (counts.size !== 1) throw new Error(`The ${flow} runs wrote different row counts.`);
  const [rowsOut = 0] = counts;
  const sides = Object.fromEntries(
    Object.entries(runs).map(([side, measures]) => [side, medianMeasure(measures)]),
  );
  return { flow, rowsOut, sides };
}

/** Sluice exporting the `EXPORT_ROWS`-row table as CSV and as JSON lines. */
async function benchExports(db: TestDatabase, dir: string): Promise<ExportMeasure[]> {
  await db.client.run(`CREATE TABLE ${EXPORT_TABLE} (${ORDER_COLUMNS})`);
  await db.client.run(
    `INSERT INTO ${EXPORT_TABLE} SELECT id, category, amount, created_on FROM ${DEST_TABLE} ` +
      `LIMIT ${String(EXPORT_ROWS)}`,
  );
  const [counted] = await db.client.query<{ n: number }>(
    `SELECT count(*) AS n FROM ${EXPORT_TABLE}`,
  );
  const rows = Number(counted?.n);
  const results: ExportMeasure[] = [];
  for (const format of ['csv', 'jsonl'] as const) {
    const work: MariaDbWork = format === 'csv' ? 'table-csv' : 'table-jsonl';
    const runs: RunMeasure[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const { location, metaDatabase } = db;
      const request = {
        side: 'sluice' as const,
        work,
        location,
        metaDatabase,
        dir,
        runTag: `x${String(i)}`,
      };
      runs.push(await measureInChild(request));
      await rm(join(dir, `rate.${work}`), { force: true });
    }
    const { seconds } = medianMeasure(runs);
    const { startRssMiB, peakRssMiB } = medianRise(runs);
    results.push({ format, rows, rowsPerSecond: rows / seconds, startRssMiB, peakRssMiB });
  }
  return results;
}

/**
 * Runs every MariaDB flow on the files in `dir` in a database of its own on the server
 * SLUICE_TEST_MYSQL_URL names, dropped afterwards, then the table exports.
 */
export async function benchMariaDb(
  dir: string,
): Promise<{ results: MariaDbResult[]; exports: ExportMeasure[]; version: string }> {
  const db = await createTestDatabase('sluice_bench');
  try {
    const [row] = await db.client.query<{ version: string }>('SELECT VERSION() AS version');
    const results: MariaDbResult[] = [];
    for (const flow of selectedFlows()) {
      process.stdout.write(`MariaDB: ${flow}...\n`);
      results.push(await benchFlow(db, flow, dir));
    }
    // The join's table holds every order joined to its label, which fills the export table.
    if (results.at(-1)?.flow !== 'join')
      return { results, exports: [], version: row?.version ?? 'unknown' };
    process.stdout.write('MariaDB: exports...\n');
    const exports = await benchExports(db, dir);
    return { results, exports, version: row?.version ?? 'unknown' };
  } finally {
    await db.drop();
  }
}
