import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { getDialect } from '@sluice/compiler';

import type { DuckDbClient } from '../src/duckdb/duckdb-client';
import type { BenchFlow } from './bench-plans';
import {
  CATEGORIES_FILE,
  DEST_TABLE,
  DUCKDB,
  EXPORT_FILE,
  FILTER,
  flowPlan,
  ORDERS_FILE,
  selectedFlows,
  tableExportPlan,
} from './bench-plans';
import { median, runSluicePlan, timed } from './measure';

/** DuckDB's flows take well under a second here, where a tenth of a second is noise: more runs. */
const REPEATS = 7;
const sqlString = (text: string): string => getDialect('duckdb').literal(text);

/** The read_csv call the compiler emits for a source, for the hand-written side. */
function readCsv(path: string, columns: string): string {
  return (
    `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '', skip = 0, strict_mode = true, null_padding = false, ignore_errors = false, ` +
    `columns = {${columns}}, auto_detect = false)`
  );
}
const orders = (dir: string) =>
  readCsv(
    join(dir, ORDERS_FILE),
    `'id': 'BIGINT', 'category': 'VARCHAR', 'amount': 'DOUBLE', 'created_on': 'DATE'`,
  );
const categories = (dir: string) =>
  readCsv(join(dir, CATEGORIES_FILE), `'category': 'VARCHAR', 'label': 'VARCHAR'`);

/** The one statement an expert writes for each flow, the file read where it lies. */
function handWritten(flow: BenchFlow, dir: string): string {
  const out = sqlString(join(dir, 'hand-out.csv'));
  const replace = `CREATE OR REPLACE TABLE ${DEST_TABLE} AS`;
  switch (flow) {
    case 'plain':
      return `${replace} SELECT * FROM ${orders(dir)}`;
    case 'overwrite':
      return `${replace} SELECT * FROM ${orders(dir)} WHERE ${FILTER}`;
    case 'append':
      return `INSERT INTO ${DEST_TABLE} SELECT * FROM ${orders(dir)} WHERE ${FILTER}`;
    case 'export':
      return `COPY (SELECT * FROM ${orders(dir)} WHERE ${FILTER}) TO ${out} (FORMAT csv, HEADER)`;
    case 'aggregate':
      return (
        `${replace} SELECT category, count(*) AS orders, sum(amount) AS total ` +
        `FROM ${orders(dir)} GROUP BY category`
      );
    case 'join':
      return (
        `${replace} SELECT o.*, c.label FROM ${orders(dir)} AS o ` +
        `JOIN ${categories(dir)} AS c ON o.category = c.category`
      );
  }
}

export interface SideBySide {
  flow: BenchFlow;
  rowsOut: number;
  sluice: number;
  hand: number;
}

async function rowsOut(client: DuckDbClient, flow: BenchFlow, file: string): Promise<number> {
  const from = flow === 'export' ? `read_csv(${sqlString(file)})` : DEST_TABLE;
  const [row] = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${from}`);
  return row?.n ?? 0;
}

/** Both sides of one flow, alternating, `REPEATS` times, each from the same starting point. */
async function benchFlow(client: DuckDbClient, flow: BenchFlow, dir: string): Promise<SideBySide> {
  const times = { sluice: [] as number[], hand: [] as number[] };
  const counts = new Set<number>();
  const outputs = { sluice: join(dir, EXPORT_FILE), hand: join(dir, 'hand-out.csv') };
  for (let i = 0; i < REPEATS; i += 1) {
    for (const side of ['hand', 'sluice'] as const) {
      await client.run(`DROP TABLE IF EXISTS ${DEST_TABLE}`);
      if (flow === 'append') await client.run(`CREATE TABLE ${DEST_TABLE} AS ${emptyOrders(dir)}`);
      await rm(outputs[side], { force: true });
      const plan = flowPlan(flow, { target: DUCKDB, runTag: `bench_${String(i)}`, dir });
      const work =
        side === 'hand'
          ? () => client.run(handWritten(flow, dir))
          : () => runSluicePlan(client, plan);
      times[side].push(await timed(work));
      counts.add(await rowsOut(client, flow, outputs[side]));
    }
  }
  if (counts.size !== 1) throw new Error(`The ${flow} sides wrote different row counts.`);
  const [rows = 0] = counts;
  return { flow, rowsOut: rows, sluice: median(times.sluice), hand: median(times.hand) };
}

const emptyOrders = (dir: string) => `SELECT * FROM ${orders(dir)} LIMIT 0`;

/** Rows per second of a table → CSV and → JSON lines export of `rows` rows, medians. */
export async function duckDbExportRates(
  client: DuckDbClient,
  dir: string,
  rows: number,
): Promise<Record<'csv' | 'jsonl', number>> {
  await client.run(
    `CREATE OR REPLACE TABLE export_rows AS SELECT * FROM ${orders(dir)} LIMIT ${String(rows)}`,
  );
  const rate = async (format: 'csv' | 'jsonl') => {
    const seconds: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const file = `rate-${String(i)}.${format}`;
      const plan = tableExportPlan(
        { format, table: 'export_rows', file },
        {
          target: DUCKDB,
          runTag: `rate_${format}${String(i)}`,
          dir,
        },
      );
      seconds.push(await timed(() => runSluicePlan(client, plan)));
      await rm(join(dir, file), { force: true });
    }
    return rows / median(seconds);
  };
  return { csv: await rate('csv'), jsonl: await rate('jsonl') };
}

/** Every flow on DuckDB. */
export async function benchDuckDb(client: DuckDbClient, dir: string): Promise<SideBySide[]> {
  const results: SideBySide[] = [];
  for (const flow of selectedFlows()) {
    process.stdout.write(`DuckDB: ${flow}...\n`);
    results.push(await benchFlow(client, flow, dir));
  }
  return results;
}
