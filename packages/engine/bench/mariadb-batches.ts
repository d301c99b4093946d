import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Connection } from 'mysql2/promise';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { createConnection } from 'mysql2/promise';

import type { ServerLocation } from '../test/mariadb';
import type { BenchFlow } from './bench-plans';
import { CATEGORIES_FILE, DEST_TABLE, ORDERS_FILE } from './bench-plans';
import { outputFile, ROW_BY_ROW_ROWS } from './mariadb-flows';

type Row = Record<string, string>;

/** The rows of a CSV file with a header, parsed by csv-parse as a record-based tool reads them. */
function records(dir: string, file: string, limit?: number): AsyncIterable<Row> {
  return createReadStream(join(dir, file)).pipe(
    parse({ columns: true, ...(limit === undefined ? {} : { to: limit }) }),
  );
}

/** The filter the flow applies, in the application (as a JDBC producer's pipeline would). */
const kept = (row: Row) => Number(row.amount) > 500;

/** Rows a row-at-a-time tool commits together, as a JDBC producer commits per batch. */
const COMMIT_EVERY = 1000;

/**
 * Writes `rows` into the destination with multi-row INSERTs of `size` rows each, every batch
 * its own autocommitted statement, as a JDBC producer does; one row per INSERT (`size` 1) is
 * committed every `COMMIT_EVERY` rows.
 */
async function insertBatches(
  sql: Connection,
  {
    columns,
    rows,
    size,
  }: { columns: readonly string[]; rows: AsyncIterable<unknown[]>; size: number },
): Promise<void> {
  const insert = `INSERT INTO ${DEST_TABLE} (${columns.join(', ')}) VALUES ?`;
  let batch: unknown[][] = [];
  let uncommitted = 0;
  if (size === 1) await sql.beginTransaction();
  for await (const row of rows) {
    batch.push(row);
    if (batch.length < size) continue;
    await sql.query(insert, [batch]);
    batch = [];
    uncommitted += size;
    if (size === 1 && uncommitted >= COMMIT_EVERY) {
      await sql.commit();
      await sql.beginTransaction();
      uncommitted = 0;
    }
  }
  if (batch.length > 0) await sql.query(insert, [batch]);
  if (size === 1) await sql.commit();
}

async function* ordersOut(rows: AsyncIterable<Row>, filter: boolean): AsyncIterable<unknown[]> {
  for await (const row of rows) {
    if (!filter || kept(row)) yield [row.id, row.category, row.amount, row.created_on];
  }
}

const ORDER_NAMES = ['id', 'category', 'amount', 'created_on'];

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
    const orders = records(dir, ORDERS_FILE, limit);
    switch (flow) {
      case 'plain':
        return await insertBatches(sql, {
          columns: ORDER_NAMES,
          rows: ordersOut(orders, false),
          size,
        });
      case 'overwrite':
      case 'append':
        return await insertBatches(sql, {
          columns: ORDER_NAMES,
          rows: ordersOut(orders, true),
          size,
        });
      case 'export': {
        const out = createWriteStream(outputFile(dir, 'batch'));
        const rows = Readable.from(ordersOut(orders, true));
        return await pipeline(rows, stringify({ header: true, columns: ORDER_NAMES }), out);
      }
      case 'aggregate': {
        const groups = new Map<string, { orders: number; total: number }>();
        for await (const row of orders) {
          const group = groups.get(row.category ?? '') ?? { orders: 0, total: 0 };
          group.orders += 1;
          group.total += Number(row.amount);
          groups.set(row.category ?? '', group);
        }
        const rows = Readable.from([...groups].map(([k, g]) => [k, g.orders, g.total]));
        return await insertBatches(sql, { columns: ['category', 'orders', 'total'], rows, size });
      }
      case 'join': {
        const labels = new Map<string, string>();
        for await (const row of records(dir, CATEGORIES_FILE)) {
          labels.set(row.category ?? '', row.label ?? '');
        }
        const joined = async function* (): AsyncIterable<unknown[]> {
          for await (const row of orders) {
            const label = labels.get(row.category ?? '');
            if (label !== undefined) {
              yield [row.id, row.category, row.amount, row.created_on, label];
            }
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
