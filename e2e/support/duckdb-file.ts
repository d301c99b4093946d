import { DuckDBInstance } from '@duckdb/node-api';

async function query<T>(file: string, sql: string, options: Record<string, string>): Promise<T[]> {
  const instance = await DuckDBInstance.create(file, options);
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql);
    connection.closeSync();
    return reader.getRowObjectsJson() as T[];
  } finally {
    instance.closeSync();
  }
}

/**
 * Reads a stopped server's database file directly, so journeys check what the run really wrote
 * rather than what the UI reports.
 */
export function queryDatabaseFile<T extends Record<string, unknown>>(
  file: string,
  sql: string,
): Promise<T[]> {
  return query<T>(file, sql, { access_mode: 'READ_ONLY' });
}

/** Answers a query over the sample files with DuckDB in memory, to compute what a run should produce. */
export function queryInMemory<T extends Record<string, unknown>>(sql: string): Promise<T[]> {
  return query<T>(':memory:', sql, {});
}
