import type { DialectName } from '../plan';
import type { Dialect } from './base';
import { DuckDbDialect } from './duckdb';

const DIALECT_BY_NAME: Record<DialectName, Dialect> = { duckdb: new DuckDbDialect() };

/** The SQL dialect for a target, with its quoting and literal functions. */
export function getDialect(name: DialectName): Dialect {
  return DIALECT_BY_NAME[name];
}

export type { Dialect, StagedRelation, WriteStatement } from './base';
