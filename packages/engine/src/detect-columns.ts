import { basename } from 'node:path';

import type { Column, ColumnType, FileFormat } from '@sluice/stages';
import { getDialect } from '@sluice/compiler';

import type { DuckDbClient } from './duckdb-client';
import { databaseErrorText } from './database-error-text';

/**
 * A file whose columns DuckDB could not detect; `reason` is DuckDB's message, trimmed, which
 * names `localPath`. The message, which reaches the browser, names the file without its folder
 * on the server; callers that know its stage:// form put that in `reason` instead.
 */
export class ColumnDetectionError extends Error {
  override name = 'ColumnDetectionError';

  constructor(
    readonly localPath: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    const name = basename(localPath);
    super(
      `Could not detect the columns of ${name}: ${reason.replaceAll(localPath, name)}`,
      options,
    );
  }
}

const dialect = getDialect('duckdb');

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

/**
 * Detects the columns of a file: names from a CSV header (or column0, column1, ... without one),
 * JSON lines keys, or Parquet's schema, and neutral types from DuckDB (see
 * `DuckDbDialect.sniffColumns`). The CSV sniffer skips rows that do not fit, so a malformed file
 * still gets its columns. A file DuckDB cannot read at all (empty, binary) fails with
 * `ColumnDetectionError`.
 */
export async function detectFileColumns(
  client: DuckDbClient,
  localPath: string,
  format: FileFormat,
): Promise<Column[]> {
  const sql = dialect.sniffColumns({ local: localPath, format });
  let sniffed: { name: string; type: string }[];
  try {
    sniffed = await client.query(sql);
  } catch (error) {
    throw new ColumnDetectionError(localPath, databaseErrorText(error), { cause: error });
  }
  return sniffed.map((row) => ({ name: row.name, type: neutralType(row.type) }));
}
