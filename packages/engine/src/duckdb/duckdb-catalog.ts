import type { Column, TableRef } from '@sluice/stages';
import { DEFAULT_METADATA_SCHEMA, STAGING_PREFIX } from '@sluice/compiler';

import type { DuckDbDatabase } from './duckdb-client';
import { neutralType } from '../detect-columns';
import { groupKeys } from '../table-definitions';

/** DuckDB's default schema, where a table without one lives. */
export const MAIN_SCHEMA = 'main';

/**
 * The tables and views flows may read, schema first: everything but Sluice's own metadata schema
 * and run staging. A table of the default schema is given without one.
 */
export async function duckDbTables(database: DuckDbDatabase): Promise<TableRef[]> {
  const client = await database.connect();
  try {
    const rows = await client.query<{ schema: string; name: string }>(
      `SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() WHERE NOT temporary
       UNION SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary
       ORDER BY 1, 2`,
    );
    return rows
      .filter(
        (r) =>
          r.schema.toLowerCase() !== DEFAULT_METADATA_SCHEMA && !r.name.startsWith(STAGING_PREFIX),
      )
      .map((r) =>
        r.schema === MAIN_SCHEMA ? { name: r.name } : { schema: r.schema, name: r.name },
      );
  } finally {
    await client.close();
  }
}

/** A table's columns in order with neutral types, names matched as DuckDB does (any case). */
export async function duckDbTableColumns(
  database: DuckDbDatabase,
  table: TableRef,
): Promise<Column[] | undefined> {
  const client = await database.connect();
  try {
    const rows = await client.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE lower(table_schema) = lower($1) AND lower(table_name) = lower($2)
       ORDER BY ordinal_position`,
      [table.schema ?? MAIN_SCHEMA, table.name],
    );
    return rows.length === 0
      ? undefined
      : rows.map((r) => ({ name: r.name, type: neutralType(r.type) }));
  } finally {
    await client.close();
  }
}

/**
 * The primary and unique keys of a table, each as its columns in order: its key constraints, and
 * its unique indexes made with `CREATE UNIQUE INDEX` on plain columns (an upsert's ON CONFLICT
 * takes either). An index on an expression keys no column and is left out.
 * @see https://duckdb.org/docs/stable/sql/meta/duckdb_table_functions#duckdb_constraints
 * @see https://duckdb.org/docs/stable/sql/meta/duckdb_table_functions#duckdb_indexes
 */
export async function duckDbTableKeys(
  database: DuckDbDatabase,
  table: TableRef,
): Promise<string[][]> {
  const client = await database.connect();
  try {
    const where = 'lower(schema_name) = lower($1) AND lower(table_name) = lower($2)';
    const place = [table.schema ?? MAIN_SCHEMA, table.name];
    const constraints = await client.query<{ key: string; column: string }>(
      `SELECT CAST(constraint_index AS VARCHAR) AS key, unnest(constraint_column_names) AS column
       FROM duckdb_constraints()
       WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND ${where}
       ORDER BY constraint_index`,
      place,
    );
    const indexes = await client.query<{ key: string; column: string }>(
      `SELECT index_name AS key, unnest(CAST(expressions AS VARCHAR[])) AS column
       FROM duckdb_indexes() WHERE is_unique AND ${where}`,
      place,
    );
    const indexKeys = groupKeys(indexes).map((key) => key.map(indexedColumn));
    const plain = indexKeys.filter((key): key is string[] => key.every((c) => c !== undefined));
    return [...groupKeys(constraints), ...plain];
  } finally {
    await client.close();
  }
}

/**
 * The column an index expression names, as `duckdb_indexes()` lists it (`id`, or `"name"` when
 * it needs quotes); undefined for any other expression.
 */
function indexedColumn(expression: string): string | undefined {
  const quoted = /^"((?:[^"]|"")*)"$/.exec(expression);
  if (quoted) return (quoted[1] ?? '').replaceAll('""', '"');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(expression) ? expression : undefined;
}
