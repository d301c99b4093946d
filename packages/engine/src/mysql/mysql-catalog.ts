import type { Column, ColumnType, TableRef } from '@sluice/stages';
import { STAGING_PREFIX } from '@sluice/compiler';

import type { MySqlPoolClient } from './mysql-pool-client';
import { groupKeys } from '../table-definitions';

/**
 * MySQL-family `DATA_TYPE`s mapped to the neutral column types; `tinyint(1)` is how MySQL and
 * MariaDB store BOOLEAN, and MatrixOne reports `bool`. Types with no neutral match (time, blob,
 * enum, …) read as VARCHAR, which every value can be shown as.
 */
const NEUTRAL_TYPES: Record<string, ColumnType> = {
  bigint: 'BIGINT',
  int: 'INTEGER',
  integer: 'INTEGER',
  mediumint: 'INTEGER',
  smallint: 'INTEGER',
  tinyint: 'INTEGER',
  double: 'DOUBLE',
  float: 'DOUBLE',
  decimal: 'DECIMAL',
  bool: 'BOOLEAN',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  timestamp: 'TIMESTAMP',
};

/** The neutral type of a column from its `DATA_TYPE` and `COLUMN_TYPE`. */
export function mySqlNeutralType(dataType: string, columnType: string): ColumnType {
  if (columnType.toLowerCase() === 'tinyint(1)') return 'BOOLEAN';
  return NEUTRAL_TYPES[dataType.toLowerCase()] ?? 'VARCHAR';
}

/** The tables and views of the run database flows may read: all but run staging. */
export async function mySqlTables(client: MySqlPoolClient, database: string): Promise<TableRef[]> {
  const rows = await client.query<{ name: string }>(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
    [database],
  );
  return rows.filter((r) => !r.name.startsWith(STAGING_PREFIX)).map((r) => ({ name: r.name }));
}

/** A table's columns in order with neutral types; a table without a schema is the run database's. */
export async function mySqlTableColumns(
  client: MySqlPoolClient,
  database: string,
  table: TableRef,
): Promise<Column[] | undefined> {
  const rows = await client.query<{ name: string; dataType: string; columnType: string }>(
    'SELECT column_name AS name, data_type AS dataType, column_type AS columnType ' +
      'FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ' +
      'ORDER BY ordinal_position',
    [table.schema ?? database, table.name],
  );
  if (rows.length === 0) return undefined;
  return rows.map((r) => ({ name: r.name, type: mySqlNeutralType(r.dataType, r.columnType) }));
}

/**
 * The primary and unique keys of a table (its unique indexes), each as its columns in key order.
 * @see https://dev.mysql.com/doc/refman/8.0/en/information-schema-statistics-table.html
 */
export async function mySqlTableKeys(
  client: MySqlPoolClient,
  database: string,
  table: TableRef,
): Promise<string[][]> {
  const rows = await client.query<{ key: string; column: string }>(
    'SELECT index_name AS `key`, column_name AS `column` FROM information_schema.statistics ' +
      'WHERE table_schema = ? AND table_name = ? AND non_unique = 0 ' +
      'ORDER BY index_name, seq_in_index',
    [table.schema ?? database, table.name],
  );
  return groupKeys(rows);
}
