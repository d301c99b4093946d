import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBInstance, StatementType } from '@duckdb/node-api';

import type { ResultTable } from '../result-table';
import type { SqlValue } from '../sql-client';
import type { RunClient } from '../target';
import { confineFiles, SANDBOX_CREATE_OPTIONS } from '../file-sandbox';
import { cellOf } from '../result-table';
import { duckDbProfiles } from './duckdb-profile';
import { plainValueConverter } from './duckdb-values';

/** Serializes work on one connection so a transaction never interleaves with other callers. */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  async through<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release = (): void => undefined;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function bind(params: readonly SqlValue[] | undefined): DuckDBValue[] | undefined {
  return params && params.length > 0 ? [...params] : undefined;
}

/**
 * One DuckDB connection. Calls are queued, so a client may be shared: a `transaction` holds the
 * connection until it ends and other callers wait. Inside `transaction`, use the client passed
 * to the callback; calling the outer client there would wait for the transaction to end.
 */
export class DuckDbClient implements RunClient {
  /** A file source read in place inside a write is counted from the statement's profile. */
  readonly statementProfiles = duckDbProfiles;
  private closed = false;

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly gate: Gate | undefined,
    /** Undefined for the client a transaction lends its callback, which owns nothing. */
    private readonly onClose: (() => void) | undefined,
  ) {}

  /** @internal Wraps a connection; use `DuckDbDatabase.connect()`. */
  static wrap(connection: DuckDBConnection, onClose: () => void): DuckDbClient {
    return new DuckDbClient(connection, new Gate(), onClose);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.gate ? this.gate.through(work) : work();
  }

  /** Runs a query and returns its rows as plain objects (see `plainValueConverter`). */
  query<T extends Record<string, unknown>>(
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<T[]> {
    return this.exclusive(async () => {
      const reader = await this.connection.runAndReadAll(sql, bind(params));
      // The converter yields JSON values; callers name the row shape they selected.
      return reader.convertRowObjects(plainValueConverter) as T[];
    });
  }

  /** Runs a query and returns its rows as arrays, with DuckDB's name for each column's type. */
  queryTable(sql: string): Promise<ResultTable> {
    return this.exclusive(async () => {
      const reader = await this.connection.runAndReadAll(sql);
      const types = reader.columnTypes();
      return {
        columns: reader.columnNames().map((name, i) => ({ name, type: String(types[i]) })),
        rows: reader.convertRows(plainValueConverter).map((row) => row.map(cellOf)),
      };
    });
  }

  /**
   * Runs a statement and returns how many rows it changed or wrote: INSERT, UPDATE, DELETE and
   * COPY report changed rows; CREATE TABLE ... AS reports the rows it wrote; other DDL gives 0.
   */
  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.exclusive(async () => {
      const result = await this.connection.run(sql, bind(params));
      // DuckDB leaves rowsChanged at 0 for CREATE TABLE ... AS but returns the rows in a
      // one-row "Count" result, as it does for every write.
      if (result.statementType !== StatementType.SELECT && result.columnCount === 1) {
        const [first] = await result.getRows();
        const count = first?.[0];
        if (typeof count === 'bigint' || typeof count === 'number') return Number(count);
      }
      return result.rowsChanged;
    });
  }

  /** Runs `fn` inside BEGIN/COMMIT; ROLLBACK when it throws, then rethrows its error. */
  transaction<T>(fn: (client: DuckDbClient) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const inner = new DuckDbClient(this.connection, undefined, undefined);
      await this.connection.run('BEGIN TRANSACTION');
      let value: T;
      try {
        value = await fn(inner);
      } catch (error) {
        await this.connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await this.connection.run('COMMIT');
      return value;
    });
  }

  /** Stops the statement running now; it fails with DuckDB's "Interrupted" error. */
  cancel(): Promise<void> {
    this.connection.interrupt();
    return Promise.resolve();
  }

  /**
   * Closes the connection; closing twice is harmless. The client lent to a `transaction`
   * callback does not own the connection, so closing it does nothing. DuckDB closes at once;
   * the promise is for `SqlClient`, whose other clients close over the network.
   */
  close(): Promise<void> {
    this.closeNow();
    return Promise.resolve();
  }

  /** @internal Closes at once, for `DuckDbDatabase.close`. */
  closeNow(): void {
    if (this.closed || !this.onClose) return;
    this.closed = true;
    this.connection.closeSync();
    this.onClose();
  }
}

/** How the database may touch the file system. */
export interface DuckDbOpenOptions {
  /**
   * The only folders SQL may read or write, besides the database file's own folder. Flow SQL
   * runs here too, so this is what keeps a filter condition from reading any other file.
   */
  allowedDirectories: readonly string[];
  /** How many threads DuckDB may use; its default (every core) when absent. */
  threads?: number;
}

/** The embedded DuckDB database: one file (or ':memory:') per process. */
export class DuckDbDatabase {
  private readonly clients = new Set<DuckDbClient>();

  private constructor(private readonly instance: DuckDBInstance) {}

  /**
   * Opens (creating if needed) the database file, making its parent folder first, confined to
   * `options.allowedDirectories`: no other file, no URL, no extension loading.
   */
  static async open(path: string, options: DuckDbOpenOptions): Promise<DuckDbDatabase> {
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const threads: Record<string, string> =
      options.threads === undefined ? {} : { threads: String(options.threads) };
    const instance = await DuckDBInstance.create(path, { ...SANDBOX_CREATE_OPTIONS, ...threads });
    try {
      await confineFiles(instance, path, options.allowedDirectories);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
    return new DuckDbDatabase(instance);
  }

  /** A new connection; it stays tracked until it is closed, so `close()` can end it. */
  async connect(): Promise<DuckDbClient> {
    const client = DuckDbClient.wrap(await this.instance.connect(), () =>
      this.clients.delete(client),
    );
    this.clients.add(client);
    return client;
  }

  /** How many connections opened here are still open. */
  get openConnections(): number {
    return this.clients.size;
  }

  /** DuckDB's version string, e.g. `v1.5.5`. */
  async version(): Promise<string> {
    const client = await this.connect();
    try {
      const rows = await client.query<{ version: string }>('SELECT version() AS version');
      return rows[0]?.version ?? 'unknown';
    } finally {
      client.closeNow();
    }
  }

  /** Closes every connection opened here, then the database. */
  close(): void {
    for (const client of [...this.clients]) client.closeNow();
    this.instance.closeSync();
  }
}
