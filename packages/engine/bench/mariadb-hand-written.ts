import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2';

import type { ServerLocation } from '../test/mariadb';
import type { BenchFlow } from './bench-plans';
import { linesOf } from '../src/file-streams/csv-lines';
import {
  CATEGORIES_FILE,
  CATEGORY_COLUMNS,
  COLUMNS,
  DEST_TABLE,
  FILTER,
  ORDERS_FILE,
} from './bench-plans';
import { outputFile, STAGED_CATEGORY_COLUMNS, STAGED_ORDER_COLUMNS } from './mariadb-flows';

/** The options Sluice's staging tables get on MariaDB, which the expert uses too. */
const STAGING = 'ENGINE=Aria TRANSACTIONAL=0';

/**
 * The file's rows into `table`, each field straight into its column: the data has no empty
 * field, which the expert knows (Sluice learns it while streaming the file, see its fast load).
 */
function load(file: string, table: string, columns: readonly { name: string }[]): string {
  return (
    `LOAD DATA LOCAL INFILE '${file}' INTO TABLE ${table} FIELDS TERMINATED BY ',' ` +
    `OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES ` +
    `(${columns.map((c) => c.name).join(', ')})`
  );
}

/**
 * Fills `new_dest`, a copy of the destination's definition (`CREATE TABLE … LIKE`: its keys,
 * indexes and types stay, as an overwrite keeps them), with `fill`, then swaps it in for the
 * destination in one RENAME.
 */
async function replaceWith(sql: Connection, fill: (table: string) => string): Promise<void> {
  await sql.query(`CREATE TABLE new_dest LIKE ${DEST_TABLE}`);
  await sql.query(fill('new_dest'));
  await sql.query(`RENAME TABLE ${DEST_TABLE} TO old_dest, new_dest TO ${DEST_TABLE}`);
  await sql.query('DROP TABLE old_dest');
}

/**
 * The fastest a person would write each flow with mysql2 and the same staging as Sluice's:
 * files streamed with LOAD DATA LOCAL INFILE into throwaway Aria tables (a plain load straight
 * into the new table), the result built in a copy of the destination's definition and swapped
 * in (overwrites, which keep the table's keys, indexes and types as Sluice's do), inserted
 * (append) or streamed out as joined values (export).
 */
export async function runHandWritten(
  location: ServerLocation,
  flow: BenchFlow,
  dir: string,
): Promise<void> {
  const { host, port, user, password, database } = location;
  const connection = createConnection({
    host,
    port,
    user,
    password,
    database,
    dateStrings: true,
    infileStreamFactory: (name: string) => createReadStream(join(dir, name)),
  });
  const sql = connection.promise();
  try {
    // Hash joins, as Sluice's MariaDB sessions have them.
    await sql.query('SET SESSION join_cache_level = 3');
    if (flow === 'plain') {
      await replaceWith(sql, (t) => load(ORDERS_FILE, t, COLUMNS));
      return;
    }
    await sql.query(`CREATE TEMPORARY TABLE orders (${STAGED_ORDER_COLUMNS}) ${STAGING}`);
    await sql.query(load(ORDERS_FILE, 'orders', COLUMNS));
    const filtered = `SELECT * FROM orders WHERE ${FILTER}`;
    switch (flow) {
      case 'overwrite':
        return await replaceWith(sql, (t) => `INSERT INTO ${t} ${filtered}`);
      case 'append':
        await sql.query(`INSERT INTO ${DEST_TABLE} ${filtered}`);
        return;
      case 'export': {
        // Values joined with commas, nothing quoted (the values hold no comma, quote or line
        // break), gathered into large chunks: the quickest an expert who knows the data writes.
        const rows = connection.query({ sql: filtered, rowsAsArray: true }).stream();
        const file = createWriteStream(outputFile(dir, 'hand'));
        const head = `${COLUMNS.map((c) => c.name).join(',')}\n`;
        const joined = (row: readonly (string | number)[]) => `${row.join(',')}\n`;
        const lines = linesOf(joined, { head, counter: { rows: 0 } });
        await pipeline(rows, lines, file);
        return;
      }
      case 'aggregate':
        return await replaceWith(
          sql,
          (t) =>
            `INSERT INTO ${t} SELECT category, count(*) AS orders, sum(amount) AS total ` +
            `FROM orders GROUP BY category`,
        );
      case 'join':
        await sql.query(
          `CREATE TEMPORARY TABLE categories (${STAGED_CATEGORY_COLUMNS}) ${STAGING}`,
        );
        await sql.query(load(CATEGORIES_FILE, 'categories', CATEGORY_COLUMNS));
        return await replaceWith(
          sql,
          (t) =>
            `INSERT INTO ${t} SELECT o.*, c.label FROM orders AS o ` +
            `JOIN categories AS c ON o.category = c.category`,
        );
    }
  } finally {
    await sql.end();
  }
}
