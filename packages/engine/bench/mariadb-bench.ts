import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { TestDatabase } from '../test/mariadb';
import type { MariaDbFlow, RunMeasure, RunRequest } from './mariadb-flows';
import { createTestDatabase } from '../test/mariadb';
import { DEST_TABLE } from './bench-plans';
import { MARIADB_COLUMNS, MARIADB_FLOWS, outputFile } from './mariadb-flows';
import { median } from './measure';

const REPEATS = 3;
const RUN_SCRIPT = join(import.meta.dirname, 'mariadb-run.ts');

/** Medians over the repeats; peak RSS of the run's own Node process. */
export interface MariaDbResult {
  flow: MariaDbFlow;
  rowsOut: number;
  sluice: RunMeasure;
  hand: RunMeasure;
}

async function measureInChild(request: RunRequest): Promise<RunMeasure> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', RUN_SCRIPT, JSON.stringify(request)],
    { maxBuffer: 2 ** 20 },
  );
  return JSON.parse(stdout) as RunMeasure;
}

/** Rows the side wrote: the destination table's, or the export's lines after its header. */
async function rowsWritten(db: TestDatabase, request: RunRequest): Promise<number> {
  if (request.flow !== 'export') {
    const [row] = await db.client.query<{ n: number }>(`SELECT count(*) AS n FROM ${DEST_TABLE}`);
    return Number(row?.n);
  }
  const text = await readFile(outputFile(request.dir, request.side), 'utf8');
  return text.split('\n').filter(Boolean).length - 1;
}

/** Each run starts from an empty destination and no export files, the same for both sides. */
async function resetOutputs(db: TestDatabase, dir: string): Promise<void> {
  await db.client.run(`DROP TABLE IF EXISTS ${DEST_TABLE}`);
  await db.client.run(`CREATE TABLE ${DEST_TABLE} (${MARIADB_COLUMNS})`);
  await rm(outputFile(dir, 'sluice'), { force: true });
  await rm(outputFile(dir, 'hand'), { force: true });
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

/** Runs both sides `REPEATS` times, alternating, and checks they wrote the same rows. */
async function benchFlow(db: TestDatabase, flow: MariaDbFlow, dir: string): Promise<MariaDbResult> {
  const runs: Record<RunRequest['side'], RunMeasure[]> = { sluice: [], hand: [] };
  const counts = new Set<number>();
  for (let i = 0; i < REPEATS; i += 1) {
    for (const side of ['hand', 'sluice'] as const) {
      const { location, metaDatabase } = db;
      const request = { side, flow, location, metaDatabase, dir, runTag: `b${String(i)}` };
      await resetOutputs(db, dir);
      runs[side].push(await measureInChild(request));
      counts.add(await rowsWritten(db, request));
    }
  }
  if (counts.size !== 1) throw new Error(`The ${flow} runs wrote different row counts.`);
  const [rowsOut = 0] = counts;
  return { flow, rowsOut, sluice: medianMeasure(runs.sluice), hand: medianMeasure(runs.hand) };
}

/**
 * Runs every MariaDB flow on `dir`/orders.csv in a database of its own on the server
 * SLUICE_TEST_MYSQL_URL names, dropped afterwards. Returns the results and the server version.
 */
export async function benchMariaDb(
  dir: string,
): Promise<{ results: MariaDbResult[]; version: string }> {
  const db = await createTestDatabase('sluice_bench');
  try {
    const [row] = await db.client.query<{ version: string }>('SELECT VERSION() AS version');
    const results: MariaDbResult[] = [];
    for (const flow of MARIADB_FLOWS) {
      process.stdout.write(`MariaDB: ${flow}...\n`);
      results.push(await benchFlow(db, flow, dir));
    }
    return { results, version: row?.version ?? 'unknown' };
  } finally {
    await db.drop();
  }
}
