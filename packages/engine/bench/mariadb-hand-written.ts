import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { createConnection } from 'mysql2';

import type { ServerLocation } from '../test/mariadb';
import type { MariaDbFlow } from './mariadb-flows';
import { DEST_TABLE, FILTER } from './bench-plans';
import { MARIADB_COLUMNS, outputFile } from './mariadb-flows';

/**
 * What a person would write for the same result: a temporary table (same column types as
 * Sluice's staging table), the file streamed in with LOAD DATA LOCAL INFILE, then one
 * filtered INSERT ... SELECT or a streamed SELECT written as CSV.
 */
export async function runHandWritten(
  location: ServerLocation,
  flow: MariaDbFlow,
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
    infileStreamFactory: () => createReadStream(join(dir, 'orders.csv')),
  });
  const sql = connection.promise();
  try {
    await sql.query(`CREATE TEMPORARY TABLE orders (${MARIADB_COLUMNS})`);
    await sql.query(
      `LOAD DATA LOCAL INFILE 'orders.csv' INTO TABLE orders FIELDS TERMINATED BY ',' ` +
        `OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES`,
    );
    const select = `SELECT * FROM orders WHERE ${FILTER}`;
    if (flow === 'overwrite') await sql.query(`TRUNCATE TABLE ${DEST_TABLE}`);
    if (flow === 'export') {
      const rows = connection.query(select).stream();
      await pipeline(rows, stringify({ header: true }), createWriteStream(outputFile(dir, 'hand')));
    } else {
      await sql.query(`INSERT INTO ${DEST_TABLE} ${select}`);
    }
  } finally {
    await sql.end();
  }
}
