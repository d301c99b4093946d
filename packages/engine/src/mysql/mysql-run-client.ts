import { Readable } from 'node:stream';
import type { Connection, FieldPacket, QueryOptions, TypeCast } from 'mysql2';
import type { Connection as PromiseConnection, RowDataPacket } from 'mysql2/promise';
import { createConnection } from 'mysql2';

import type { FileStreaming, RowStream } from '../file-streaming';
import type { ResultTable } from '../result-table';
import type { SqlClient, SqlValue } from '../sql-client';
import type { RunClient } from '../target';
import type { MySqlAddress } from './connection-options';
import { LoadWarningError } from '../file-streaming';
import { Digits, DoubleText, exportTypeCast } from '../file-streams/export-values';
import { cellOf } from '../result-table';
import { columnTypeName } from './column-type-names';
import { connectionOptions } from './connection-options';
import { inTransaction, prepareSession, queryRows, runStatement } from './mysql-session';

/** Opens one connection and waits for its handshake, so connect errors surface here. */
export async function openConnection(address: MySqlAddress): Promise<Connection> {
  const connection = createConnection(connectionOptions(address));
  await new Promise<void>((resolve, reject) => {
    connection.connect((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  return connection;
}

/**
 * The one connection a run holds for its whole plan (its staging tables, its transaction), plus
 * what MySQL-family runs need beyond SQL: answering `LOAD DATA LOCAL INFILE` with a stream, and
 * streaming a query's rows out. `cancel` kills the running statement from a second connection.
 */
export class MySqlRunClient implements RunClient, FileStreaming {
  /** The server reads no file of Sluice's, so the run moves file bytes through this client. */
  readonly fileStreaming: FileStreaming = this;
  private closed = false;
  /** A fatal error the server or network gave while idle; mysql2 emits it as an event. */
  private broken: Error | undefined;

  private constructor(
    private readonly connection: Connection,
    private readonly promised: PromiseConnection,
    private readonly address: MySqlAddress,
  ) {
    connection.on('error', (error: Error) => {
      this.broken = error;
    });
  }

  static async open(address: MySqlAddress): Promise<MySqlRunClient> {
    const connection = await openConnection(address);
    const client = new MySqlRunClient(connection, connection.promise(), address);
    try {
      await prepareSession(client.promised);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    return client;
  }

  private usable(): PromiseConnection {
    if (this.broken) throw this.broken;
    return this.promised;
  }

  // Async so a connection the server already closed rejects like any failed statement, and the
  // run's undo and cleanup, which catch rejections, still get to their file restores.
  async query<T extends Record<string, unknown>>(
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<T[]> {
    return queryRows<T>(this.usable(), sql, params);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return runStatement(this.usable(), sql, params);
  }

  async transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    return inTransaction(this.usable(), fn);
  }

  /**
   * Runs a `LOAD DATA LOCAL INFILE` statement, answering the server's request for `token` with
   * `open()`'s bytes. The server echoes the file name of the SQL; any other name is refused, so
   * a statement cannot make Sluice send some other file. Returns the rows loaded.
   */
  async loadLocal(sql: string, token: string, open: () => Readable): Promise<number> {
    const options: QueryOptions = {
      sql,
      infileStreamFactory: (requested: string) => {
        if (requested === token) return open();
        return refusal(
          `The server asked for file "${requested}"; this step sends only "${token}".`,
        );
      },
    };
    const [result] = await this.usable().query(options);
    if (Array.isArray(result)) return result.length;
    const warnings = 'warningStatus' in result ? result.warningStatus : result.warningCount;
    if (warnings > 0) await this.refuseLoadWarnings();
    return result.affectedRows;
  }

  /**
   * With LOCAL the server cannot stop the client's stream, so it loads a bad value or a short
   * row with a warning instead of failing (sql-reference.md §9.1). A load must not silently keep
   * such rows: the first warning fails the step, and the run's cleanup drops the staging table.
   */
  private async refuseLoadWarnings(): Promise<never> {
    const [warning] = await this.query<{ Message: string }>('SHOW WARNINGS LIMIT 1');
    const message = warning?.Message ?? 'the server reported a warning';
    const row = /\bat row (\d+)|\bRow (\d+)\b/.exec(message);
    const at = row ? Number(row[1] ?? row[2]) : undefined;
    throw new LoadWarningError(message, at);
  }

  /**
   * Streams the rows of `sql` in column order (duplicate names kept), each value converted by
   * `typeCast`; reading pauses the connection when the consumer falls behind.
   */
  streamRows(sql: string, typeCast: TypeCast): RowStream {
    if (this.broken) throw this.broken;
    const query = this.connection.query({ sql, rowsAsArray: true, typeCast });
    const fields = new Promise<FieldPacket[]>((resolve, reject) => {
      query.on('fields', (packets: FieldPacket[]) => {
        resolve(packets);
      });
      query.on('error', reject);
      query.on('end', () => {
        reject(new Error('The statement returned no result set to export.'));
      });
    });
    // The caller reads a failure through `fields` or from `rows` in its pipeline; until it
    // attaches, neither may surface as an unhandled rejection or error event.
    fields.catch(() => undefined);
    const rows = query.stream({ highWaterMark: 1000 });
    rows.on('error', () => undefined);
    return { fields, rows };
  }

  /**
   * Runs a bounded query and returns its rows with MySQL's name for each column's type; values
   * as `exportTypeCast` reads them, integers and DECIMAL as the server's digits (a number when
   * it holds them exactly).
   */
  async queryTable(sql: string): Promise<ResultTable> {
    const [rows, fields] = await this.usable().query<RowDataPacket[][]>({
      sql,
      rowsAsArray: true,
      typeCast: exportTypeCast,
    });
    return {
      columns: fields.map((field) => ({ name: field.name, type: columnTypeName(field) })),
      rows: rows.map((row) => (row as unknown[]).map(valueOf)),
    };
  }

  /** Stops the statement running now with `KILL QUERY` from a short-lived second connection. */
  async cancel(): Promise<void> {
    if (this.closed) return;
    const killer = await openConnection(this.address);
    try {
      await killer.promise().query(`KILL QUERY ${String(this.connection.threadId)}`);
    } finally {
      killer.destroy();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.promised.end().catch(() => {
      this.connection.destroy();
    });
  }
}

/** An integer's digits as a number when it is one exactly; a DECIMAL's digits as text. */
function valueOf(value: unknown): ReturnType<typeof cellOf> {
  if (value instanceof DoubleText) return cellOf(value.value);
  if (!(value instanceof Digits)) return cellOf(value);
  const number = Number(value.text);
  return /^-?\d+$/.test(value.text) && Number.isSafeInteger(number) ? number : value.text;
}

/** A stream that fails at once: mysql2 sends an empty file and fails the query with the error. */
function refusal(message: string): Readable {
  return new Readable({
    read() {
      this.destroy(new Error(message));
    },
  });
}
