import type { TableRef } from '@sluice/stages';

import type { SqlClient } from '../src/sql-client';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/** A table's rows as sorted JSON text, so two reads compare regardless of row order. */
export async function tableContents(client: SqlClient, table: TableRef): Promise<string[]> {
  const name = table.schema === undefined ? '' : `${quote(table.schema)}.`;
  const rows = await client.query(`SELECT * FROM ${name}${quote(table.name)}`);
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** Tables and views of the run left in `database`: staging, shadow, old and trash copies. */
export async function leftovers(client: SqlClient, database: string): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE '\\_\\_sluice%'",
    [database],
  );
  return rows.map((row) => row.name).sort();
}
