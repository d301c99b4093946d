import type { Column, ColumnType, CsvFormat } from '@sluice/stages';

import type { DuckDbClient } from './duckdb-client';
import { databaseErrorText } from './database-error-text';
import { sqlString } from './sql-literal';

/** DuckDB type names (without parameters) mapped to the neutral column types. */
const NEUTRAL_TYPES: Record<string, ColumnType> = {
  VARCHAR: 'VARCHAR',
  BIGINT: 'BIGINT',
  HUGEINT: 'BIGINT',
  UBIGINT: 'BIGINT',
  UINTEGER: 'BIGINT',
  INTEGER: 'INTEGER',
  SMALLINT: 'INTEGER',
  TINYINT: 'INTEGER',
  USMALLINT: 'INTEGER',
  UTINYINT: 'INTEGER',
  DOUBLE: 'DOUBLE',
  FLOAT: 'DOUBLE',
  DECIMAL: 'DECIMAL',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  TIMESTAMP_S: 'TIMESTAMP',
  TIMESTAMP_MS: 'TIMESTAMP',
  TIMESTAMP_NS: 'TIMESTAMP',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP',
};

/**
 * The neutral type for a DuckDB type such as `DECIMAL(18,3)`. Types with no neutral match
 * (TIME, INTERVAL, ...) become VARCHAR, which every CSV value can be read as.
 */
export function neutralType(duckDbType: string): ColumnType {
  const base = duckDbType
    .replace(/\(.*\)$/, '')
    .trim()
    .toUpperCase();
  return NEUTRAL_TYPES[base] ?? 'VARCHAR';
}

/** The read_csv call for a file in a given format, letting DuckDB sniff only the types. */
export function readCsvCall(localPath: string, format: CsvFormat): string {
  const options = [
    `header = ${String(format.header)}`,
    `delim = ${sqlString(format.delimiter)}`,
    `quote = ${sqlString(format.quote)}`,
    `escape = ${sqlString(format.escape)}`,
    `skip = ${String(Math.max(0, Math.trunc(format.skipLines)))}`,
    `nullstr = ${sqlString(format.nullString)}`,
  ];
  return `read_csv(${sqlString(localPath)}, ${options.join(', ')})`;
}

/**
 * Detects the columns of a CSV file: names from the header (or column0, column1, ... without
 * one) and neutral types from DuckDB's sniffer over the file's first rows.
 */
export async function detectCsvColumns(
  client: DuckDbClient,
  localPath: string,
  format: CsvFormat,
): Promise<Column[]> {
  const sql = `DESCRIBE SELECT * FROM ${readCsvCall(localPath, format)} LIMIT 0`;
  let described: { column_name: string; column_type: string }[];
  try {
    described = await client.query(sql);
  } catch (error) {
    throw new Error(`Could not detect the columns of ${localPath}: ${databaseErrorText(error)}`, {
      cause: error,
    });
  }
  return described.map((row) => ({ name: row.column_name, type: neutralType(row.column_type) }));
}
