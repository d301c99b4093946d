import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Reads a stopped server's database file directly, so journeys check what the run really wrote
 * rather than what the UI reports.
 */
export async function queryDatabaseFile<T extends Record<string, unknown>>(
  file: string,
  sql: string,
): Promise<T[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql);
    connection.closeSync();
    return reader.getRowObjectsJson() as T[];
  } finally {
    instance.closeSync();
  }
}

/** Answers a query over the sample files with DuckDB in memory, to compute what a run should produce. */
export async function queryInMemory<T extends Record<string, unknown>>(sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql);
    connection.closeSync();
    return reader.getRowObjectsJson() as T[];
  } finally {
    instance.closeSync();
  }
}
