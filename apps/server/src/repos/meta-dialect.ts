import { getDialect } from '@sluice/compiler';

/**
 * The few places where the metadata SQL differs between DuckDB and MySQL-family servers (MySQL,
 * MariaDB, MatrixOne): identifier quoting (the target's own dialect's), column types, the schema
 * statement and one JSON function. Everything else in the repositories is SQL both accept.
 */

/** Column types of the metadata tables. */
export interface MetaTypes {
  /** Ids, names, states: short enough to index. */
  key: string;
  /** URLs, comments, error messages. */
  text: string;
  /** Flow documents and the SQL a stage ran. */
  long: string;
  timestamp: string;
}

export interface MetaDialect {
  readonly name: 'duckdb' | 'mysql';
  readonly types: MetaTypes;
  quote(name: string): string;
  /** Creates the schema (DuckDB) or database (MySQL family) holding the metadata tables. */
  createSchema(schema: string): string;
  /** The length of the JSON array at `path` in a JSON text column; NULL when unreadable. */
  jsonArrayLength(column: string, path: string): string;
  /** True when `error` is the database refusing a row whose unique key another row holds. */
  isDuplicateKey(error: unknown): boolean;
}

const DUCKDB = getDialect('duckdb');
const MYSQL = getDialect('mysql');

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : '');

export const DUCKDB_META: MetaDialect = {
  name: 'duckdb',
  types: { key: 'VARCHAR', text: 'VARCHAR', long: 'VARCHAR', timestamp: 'TIMESTAMP' },
  quote: (name) => DUCKDB.quoteIdentifier(name),
  createSchema: (schema) => `CREATE SCHEMA IF NOT EXISTS ${schema}`,
  // A document stored before lone surrogates were refused reads as malformed JSON here; it
  // counts as no stages rather than failing the whole list.
  jsonArrayLength: (column, path) =>
    `CASE WHEN json_valid(${column}) THEN json_array_length(${column}, '${path}') END`,
  isDuplicateKey: (error) => /^Constraint Error: Duplicate key\b/.test(messageOf(error)),
};

export const MYSQL_META: MetaDialect = {
  name: 'mysql',
  // VARCHAR needs a length here; 255 utf8mb4 characters stay inside InnoDB's index limit.
  // DATETIME(3) holds the milliseconds of a JavaScript date without TIMESTAMP's time zone
  // conversion and 2038 limit.
  types: { key: 'VARCHAR(255)', text: 'TEXT', long: 'LONGTEXT', timestamp: 'DATETIME(3)' },
  quote: (name) => MYSQL.quoteIdentifier(name),
  createSchema: (schema) => `CREATE DATABASE IF NOT EXISTS ${schema}`,
  jsonArrayLength: (column, path) => `JSON_LENGTH(${column}, '${path}')`,
  // ER_DUP_ENTRY, which MySQL, MariaDB and MatrixOne all answer with.
  isDuplicateKey: (error) =>
    typeof error === 'object' && error !== null && 'errno' in error && error.errno === 1062,
};

/**
 * A moment as both back ends take it in a timestamp column: UTC wall-clock text with
 * milliseconds, `2026-01-31 09:30:00.250`.
 */
export function stampOf(date: Date = new Date()): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A timestamp column's value as the API returns it, an ISO string in UTC. DuckDB's client already
 * gives ISO text; MySQL-family clients give the stored wall-clock text, which `stampOf` wrote in
 * UTC.
 */
export function isoOf(value: unknown): string {
  const text = String(value);
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
  return new Date(zoned).toISOString();
}
