import type { Pool, PoolConnection } from 'mysql2/promise';
import { createPool } from 'mysql2/promise';

import type { SqlClient, SqlValue } from '../sql-client';
import type { MySqlAddress } from './connection-options';
import { connectionOptions } from './connection-options';
import { inTransaction, prepareSession, queryRows, runStatement } from './mysql-session';

/**
 * A pool of connections to a MySQL-family server for metadata: each call borrows a connection
 * and returns it; `transaction` keeps one for its callback. Every connection gets Sluice's
 * session `sql_mode` before its first statement.
 */
export class MySqlPoolClient implements SqlClient {
  private readonly prepared = new WeakSet<object>();
  private closed = false;

  private constructor(private readonly pool: Pool) {}

  static open(address: MySqlAddress, connectionLimit = 5): MySqlPoolClient {
    return new MySqlPoolClient(createPool({ ...connectionOptions(address), connectionLimit }));
  }

  private async borrow<T>(work: (connection: PoolConnection) => Promise<T>): Promise<T> {
    const connection = await this.pool.getConnection();
    try {
      // The pool hands out the same underlying connection many times; prepare it once.
      if (!this.prepared.has(connection.connection)) {
        await prepareSession(connection);
        this.prepared.add(connection.connection);
      }
      return await work(connection);
    } finally {
      connection.release();
    }
  }

  query<T extends Record<string, unknown>>(
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<T[]> {
    return this.borrow((connection) => queryRows<T>(connection, sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.borrow((connection) => runStatement(connection, sql, params));
  }

  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    return this.borrow((connection) => inTransaction(connection, fn));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
