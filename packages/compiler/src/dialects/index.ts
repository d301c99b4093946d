import type { DialectName } from '../plan';
import type { Dialect } from './base';
import { DuckDbDialect } from './duckdb';

const DIALECT_BY_NAME = { duckdb: new DuckDbDialect() } satisfies Record<DialectName, Dialect>;

/**
 * The SQL dialect for a target, with its quoting and literal functions, typed as that dialect
 * so target-specific statements (DuckDB's `sniffColumns`) are reachable where the target is known.
 */
export function getDialect<N extends DialectName>(name: N): (typeof DIALECT_BY_NAME)[N] {
  return DIALECT_BY_NAME[name];
}

export type { Dialect, StagedRelation, WriteStatement } from './base';
export type { DuckDbDialect } from './duckdb';
