export { DuckDbClient, DuckDbDatabase } from './duckdb-client';
export type { SqlValue } from './duckdb-values';
export type { TargetInfo } from './target';
export { describeDuckDbTarget } from './target';
