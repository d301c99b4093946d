import type { Column, ColumnType, FileFormat } from '@sluice/stages';
import { getDialect } from '@sluice/compiler';

import type { DuckDbClient } from './duckdb/duckdb-client';
import { databaseErrorText } from './database-error-text';
import { inStageTerms } from './stage-terms';

/**
 * A file whose columns DuckDB could not detect; `uri` is the file's stage:// form, and `reason`
 * DuckDB's message, trimmed, naming the file by that form, since both reach the browser.
 */
export class ColumnDetectionError extends Error {
  override name = 'ColumnDetectionError';
  readonly reason: string;

  constructor(
    readonly uri: string,
    place: { local: string; reason: string },
    options?: ErrorOptions,
  ) {
    const reason = inStageTerms(place.reason, [{ local: place.local, uri }]);
    super(`Could not detect the columns of ${uri}: ${reason}`, options);
    this.reason = reason;
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
 * `ColumnDetectionError`, which names the file by `uri`, its stage:// form, not by its `local`
 * path.
 */
export async function detectFileColumns(
  client: DuckDbClient,
  { local, uri }: { local: string; uri: string },
  format: FileFormat,
): Promise<Column[]> {
  const sql = dialect.sniffColumns({ local, format });
  let sniffed: { name: string; type: string }[];
  try {
    sniffed = await client.query(sql);
  } catch (error) {
    const reason = databaseErrorText(error);
    throw new ColumnDetectionError(uri, { local, reason }, { cause: error });
  }
  return sniffed.map((row) => ({ name: row.name, type: neutralType(row.type) }));
}
