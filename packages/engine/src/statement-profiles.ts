import type { SqlClient } from './sql-client';

/** A statement run with its database's profile: the rows it wrote, and each file scan's rows. */
export interface ProfiledStatement {
  /** The rows the statement wrote, as its own count would say. */
  rows: number;
  /** The rows each file it read in place gave, by the file's local path. */
  fileRows: ReadonlyMap<string, number>;
}

/**
 * Running a statement with the database's own profile of it: what a run client declares where
 * the database reports each operator's rows (DuckDB's `EXPLAIN ANALYZE`). A file source inlined
 * into the statement that writes is then counted from that profile, without reading the file
 * again.
 */
export interface StatementProfiles {
  run(client: SqlClient, sql: string): Promise<ProfiledStatement>;
}
