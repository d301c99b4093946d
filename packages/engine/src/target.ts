import type { DuckDbDatabase } from './duckdb-client';

/** What the server reports about the database a flow runs on. */
export interface TargetInfo {
  product: 'DuckDB';
  version: string;
  dialect: 'duckdb';
}

/** Describes the embedded DuckDB as a target. */
export async function describeDuckDbTarget(database: DuckDbDatabase): Promise<TargetInfo> {
  return { product: 'DuckDB', version: await database.version(), dialect: 'duckdb' };
}
