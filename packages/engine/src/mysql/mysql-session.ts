import type { Connection as PromiseConnection } from 'mysql2/promise';

import type { SqlClient, SqlValue } from '../sql-client';
import { sessionSqlMode } from './connection-options';

/** mysql2 escapes bigint inconsistently across versions; its digits bind the same everywhere. */
function bind(params: readonly SqlValue[] | undefined): unknown[] {
  return (params ?? []).map((value) => (typeof value === 'bigint' ? value.toString() : value));
}

/**
 * MariaDB hash-joins on an equality (BNLH) from `join_cache_level` 3 on; its default, 2, compares
 * every row of one side with every row buffered of the other: a 2,000,000 × 50 join on
 * VARCHAR(255) keys took 7 s that way and 0.7 s hashed. A level the server was set higher keeps.
 * @see https://mariadb.com/kb/en/block-based-join-algorithms/
 */
const HASH_JOINS = 'SET SESSION join_cache_level = GREATEST(@@SESSION.join_cache_level, 3)';

/**
 * Sets the session's `sql_mode` as `sessionSqlMode` says, before any other statement runs, and
 * on MariaDB turns its hash joins on.
 */
export async function prepareSession(connection: PromiseConnection): Promise<void> {
  const rows = await queryRows<{ mode: string; version: string }>(
    connection,
    'SELECT @@SESSION.sql_mode AS mode, VERSION() AS version',
  );
  const current = rows[0]?.mode ?? '';
  const wanted = sessionSqlMode(current);
  if (wanted !== current) await connection.query('SET SESSION sql_mode = ?', [wanted]);
  if (/mariadb/i.test(rows[0]?.version ?? '')) await connection.query(HASH_JOINS);
}

export async function queryRows<T extends Record<string, unknown>>(
  connection: PromiseConnection,
  sql: string,
  params?: readonly SqlValue[],
): Promise<T[]> {
  const [result] = await connection.query(sql, bind(params));
  // A statement that returns no rows (DDL) gives a result header instead of a row list.
  return Array.isArray(result) ? (result as T[]) : [];
}

export async function runStatement(
  connection: PromiseConnection,
  sql: string,
  params?: readonly SqlValue[],
): Promise<number> {
  const [result] = await connection.query(sql, bind(params));
  return Array.isArray(result) ? result.length : result.affectedRows;
}

/** Runs `fn` in BEGIN/COMMIT on `connection`; ROLLBACK and rethrow when it throws. */
export async function inTransaction<T>(
  connection: PromiseConnection,
  fn: (client: SqlClient) => Promise<T>,
): Promise<T> {
  await connection.query('BEGIN');
  let value: T;
  try {
    value = await fn(borrowed(connection));
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await connection.query('COMMIT');
  return value;
}

/**
 * The client a transaction lends its callback: the same connection, which it does not own, so
 * closing it does nothing and a nested `transaction` joins the open one.
 */
function borrowed(connection: PromiseConnection): SqlClient {
  const client: SqlClient = {
    query: (sql, params) => queryRows(connection, sql, params),
    run: (sql, params) => runStatement(connection, sql, params),
    transaction: (fn) => fn(client),
    close: () => Promise.resolve(),
  };
  return client;
}
