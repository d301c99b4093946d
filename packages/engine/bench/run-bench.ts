/**
 * Benchmark: runs each benchmark flow through `runPlan` and the same work written by hand on
 * the embedded DuckDB and on the MariaDB server SLUICE_TEST_MYSQL_URL names, with the
 * record-batch tools on MariaDB, then writes docs/benchmarks.md.
 * Run with `npm run bench` (about ten minutes); `BENCH_ROWS` sets the input's rows.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

import { DuckDbDatabase } from '../src/duckdb/duckdb-client';
import {
  CATEGORIES_FILE,
  generateCategoriesSql,
  generateOrdersSql,
  ORDERS_FILE,
} from './bench-plans';
import { benchReport } from './bench-report';
import { benchDuckDb, duckDbExportRates } from './duckdb-bench';
import { benchMariaDb } from './mariadb-bench';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const REPORT = resolve(import.meta.dirname, '../../../docs/benchmarks.md');

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-'));
  const database = await DuckDbDatabase.open(join(dir, 'bench.duckdb'), {
    allowedDirectories: [dir],
  });
  try {
    const client = await database.connect();
    process.stdout.write(`Generating ${String(ROWS)} rows...\n`);
    await client.run(generateOrdersSql(join(dir, ORDERS_FILE), ROWS));
    await client.run(generateCategoriesSql(join(dir, CATEGORIES_FILE)));
    const duckDb = await benchDuckDb(client, dir);
    const duckDbExports = await duckDbExportRates(client, dir, ROWS);
    await client.close();
    const mariaDb = await benchMariaDb(dir);
    const report = benchReport({
      rows: ROWS,
      duckDbVersion: await database.version(),
      duckDb,
      duckDbExports,
      mariaDbVersion: mariaDb.version,
      mariaDb: mariaDb.results,
      mariaDbExports: mariaDb.exports,
    });
    // Formatted like every other file, so the repository's format check passes.
    const markdown = await format(report, { ...(await resolveConfig(REPORT)), filepath: REPORT });
    await writeFile(REPORT, markdown);
    process.stdout.write(`${markdown}\nWrote ${REPORT}\n`);
  } finally {
    database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
