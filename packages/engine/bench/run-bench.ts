/**
 * Benchmark: runs each benchmark flow through `runPlan` and the same work written by hand on
 * the embedded DuckDB and on the MariaDB server SLUICE_TEST_MYSQL_URL names, with the
 * record-batch tools on MariaDB, then writes docs/benchmarks.md with the sections the other
 * benchmarks left in `.bench/` (see bench-section.ts). `npm run bench` at the repository's root
 * runs them all; `BENCH_ROWS` sets the input's rows, and `BENCH_TARGETS` (duckdb, mariadb) or
 * `BENCH_FLOWS` rerun a part, printing the report without rewriting the file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

import { DuckDbDatabase } from '../src/duckdb/duckdb-client';
import {
  CATEGORIES_FILE,
  FLOWS,
  generateCategoriesSql,
  generateOrdersSql,
  ORDERS_FILE,
  selectedFlows,
} from './bench-plans';
import { benchReport } from './bench-report';
import { readBenchSections } from './bench-section';
import { benchDuckDb, duckDbExportRates } from './duckdb-bench';
import { benchMariaDb } from './mariadb-bench';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const REPORT = resolve(import.meta.dirname, '../../../docs/benchmarks.md');
const TARGETS = (process.env.BENCH_TARGETS ?? 'duckdb,mariadb').split(',');

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
    const onDuckDb = TARGETS.includes('duckdb');
    const duckDb = onDuckDb ? await benchDuckDb(client, dir) : [];
    const duckDbExports = onDuckDb ? await duckDbExportRates(client, dir, ROWS) : undefined;
    await client.close();
    const mariaDb = TARGETS.includes('mariadb') ? await benchMariaDb(dir) : undefined;
    const report = benchReport({
      rows: ROWS,
      duckDbVersion: await database.version(),
      duckDb,
      duckDbExports,
      mariaDbVersion: mariaDb?.version ?? 'not run',
      mariaDb: mariaDb?.results ?? [],
      mariaDbExports: mariaDb?.exports ?? [],
      sections: await readBenchSections(),
    });
    // Formatted like every other file, so the repository's format check passes.
    const markdown = await format(report, { ...(await resolveConfig(REPORT)), filepath: REPORT });
    const whole = onDuckDb && mariaDb !== undefined && selectedFlows().length === FLOWS.length;
    if (whole) await writeFile(REPORT, markdown);
    process.stdout.write(
      `${markdown}\n${whole ? `Wrote ${REPORT}` : 'A part was run: docs/benchmarks.md is left as it was.'}\n`,
    );
  } finally {
    database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
