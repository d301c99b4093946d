import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Parser } from 'csv-parse';
import type { Connection } from 'mysql2/promise';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { createConnection } from 'mysql2/promise';

import type { ServerLocation } from '../test/mariadb';
import type { BenchFlow } from './bench-plans';
import { CATEGORIES_FILE, DEST_TABLE, ORDERS_FILE } from './bench-plans';
import { outputFile, ROW_BY_ROW_ROWS } from './mariadb-flows';

type Row = string[];

/** The orders file's columns, in its order. */
const ORDER_NAMES = ['id', 'category', 'amount', 'created_on'];
const AMOUNT = ORDER_NAMES.indexOf('amount');
const CATEGORY = ORDER_NAMES.indexOf('category');

/** The filter the flow applies, in the application (as a JDBC producer's pipeline would). */
const kept = (row: Row) => Number(row[AMOUNT]) > 500;

/**
 * The records of a CSV file with a header, parsed by csv-parse as a record-based tool reads
 * them; `keep` drops records as they are parsed, the way a pipeline's filter stage does.
 */
function records(
  dir: string,
  file: string,
  { limit, keep }: { limit?: number; keep?: (row: Row) => boolean } = {},
): Parser {
  return createReadStream(join(dir, file)).pipe(
    parse({
      from_line: 2,
      ...(limit === undefined ? {} : { to_line: limit + 1 }),
      ...(keep === undefined ? {} : { on_record: (row: Row) => (keep(row) ? row : null) }),
    }),
  );
}

/** Rows a row-at-a-time tool commits together, as a JDBC producer commits per batch. */
const COMMIT_EVERY = 1000;

/**
 * Writes `rows` into the destination with multi-row INSERTs of `size` rows each, every batch
 * its own autocommitted statement, as a JDBC producer does; one row per INSERT (`size` 1) is
 * committed every `COMMIT_EVERY` rows. Like a producer whose origin runs on a thread of its
 * own, the next batch is parsed while the last one is written.
 */
async function insertBatches(
  sql: Connection,
  {
    columns,
    rows,
    size,
  }: {
    columns: readonly string[];
    rows: AsyncIterable<unknown[]> | Iterable<unknown[]>;
    size: number;
  },
): Promise<void> {
  const insert = `INSERT INTO ${DEST_TABLE} (${columns.join(', ')}) VALUES ?`;
  let writing: Promise<unknown> = Promise.resolve();
  const write = async (batch: unknown[][], commit: boolean) => {
    await writing;
    writing = sql.query(insert, [batch]).then(() => (commit ? sql.commit() : undefined));
    // Its failure is seen when the next batch, or the end, waits for it.
    writing.catch(() => undefined);
  };
  let batch: unknown[][] = [];
  let uncommitted = 0;
  if (size === 1) await sql.beginTransaction();
  for await (const row of rows) {
    batch.push(row);
    if (batch.length < size) continue;
    uncommitted += size;
    const commit = size === 1 && uncommitted >= COMMIT_EVERY;
    await write(batch, commit);
    if (commit) {
      await writing;
      await sql.beginTransaction();
      uncommitted = 0;
    }
    batch = [];
  }
  if (batch.length > 0) await write(batch, false);
  await writing;
  if (size === 1) await sql.commit();
}

/**
 * What a record-batch tool does for each flow: parse the CSV in Node, filter, aggregate or join
 * in the application, and insert batches of `size` rows (after emptying the table for the
 * flows that replace it); the export is parsed, filtered and written back out without the
 * database. `size` 1 is the row-at-a-time tool, run on the first rows only.
 */
export async function runBatches(
  location: ServerLocation,
  { flow, dir, size }: { flow: BenchFlow; dir: string; size: number },
): Promise<void> {
  const { host, port, user, password, database } = location;
  const sql = await createConnection({ host, port, user, password, database });
  try {
    if (flow !== 'append' && flow !== 'export') await sql.query(`TRUNCATE TABLE ${DEST_TABLE}`);
    const limit = size === 1 ? ROW_BY_ROW_ROWS : undefined;
    const filtered = flow === 'overwrite' || flow === 'append' || flow === 'export';
    const orders = records(dir, ORDERS_FILE, { limit, ...(filtered ? { keep: kept } : {}) });
    switch (flow) {
      case 'plain':
      case 'overwrite':
      case 'append':
        return await insertBatches(sql, { columns: ORDER_NAMES, rows: orders, size });
      case 'export': {
        const out = createWriteStream(outputFile(dir, 'batch'));
        return await pipeline(orders, stringify({ header: true, columns: ORDER_NAMES }), out);
      }
      case 'aggregate': {
        const groups = new Map<string, { orders: number; total: number }>();
        for await (const row of orders as AsyncIterable<Row>) {
          const category = row[CATEGORY] ?? '';
          const group = groups.get(category) ?? { orders: 0, total: 0 };
          group.orders += 1;
          group.total += Number(row[AMOUNT]);
          groups.set(category, group);
        }
        const rows = [...groups].map(([k, g]) => [k, g.orders, g.total]);
        return await insertBatches(sql, {
          columns: ['category', 'orders', 'total'],
          rows,
          size,
        });
      }
      case 'join': {
        const labels = new Map<string, string>();
        for await (const [category = '', label = ''] of records(
          dir,
          CATEGORIES_FILE,
        ) as AsyncIterable<Row>) {
          labels.set(category, label);
        }
        const joined = async function* (): AsyncIterable<unknown[]> {
          for await (const row of orders as AsyncIterable<Row>) {
            const label = labels.get(row[CATEGORY] ?? '');
            if (label !== undefined) yield [...row, label];
          }
        };
        return await insertBatches(sql, {
          columns: [...ORDER_NAMES, 'label'],
          rows: joined(),
          size,
        });
      }
    }
  } finally {
    await sql.end();
  }
}
