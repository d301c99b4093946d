/** A value that may be bound to a `?` or `$1` placeholder. */
export type SqlValue = string | number | boolean | null | bigint;

/**
 * What metadata repositories and the run engine need from a database connection, whichever
 * database it is: DuckDB (one queued connection) or a MySQL-family server (a mysql2 pool or
 * connection). Parameters are `?` placeholders in both.
 */
export interface SqlClient {
  /** Runs a query and returns its rows as plain objects. */
  query<T extends Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement and returns how many rows it changed or wrote. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `fn` inside BEGIN/COMMIT on one connection; ROLLBACK when it throws, then rethrows. */
  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  /** Releases the connection; closing twice is harmless. */
  close(): Promise<void>;
}
