import type { FieldPacket, TypeCast } from 'mysql2';
import type { Readable } from 'node:stream';

/** A streamed load the server accepted with a warning; `row` counts data rows from 1. */
export class LoadWarningError extends Error {
  override name = 'LoadWarningError';

  constructor(
    readonly reason: string,
    readonly row: number | undefined,
  ) {
    super(reason);
  }
}

/** Rows of a streamed query: the column metadata, then each row as an array in column order. */
export interface RowStream {
  fields: Promise<FieldPacket[]>;
  rows: Readable;
}

/**
 * Moving a file's bytes through Sluice rather than the database reading the file itself: what
 * a run client declares where the database cannot read Sluice's files (MySQL and MariaDB).
 */
export interface FileStreaming {
  /**
   * Runs a `LOAD DATA LOCAL INFILE` statement, answering the server's request for `token` with
   * `open()`'s bytes; returns the rows loaded. Fails with `LoadWarningError` on the first
   * warning the server gave.
   */
  loadLocal(sql: string, token: string, open: () => Readable): Promise<number>;
  /** Streams the rows of `sql` in column order, each value converted by `typeCast`. */
  streamRows(sql: string, typeCast: TypeCast): RowStream;
}
