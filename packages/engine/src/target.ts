import type { TargetProfile } from '@sluice/compiler';
import type { Column, FileFormat, TableDefinition, TableRef } from '@sluice/stages';

import type { FileStreaming } from './file-streaming';
import type { ResultTable } from './result-table';
import type { ClaimRequest, StagingSweep, SweepPlaces, TargetClaim } from './run-claims';
import type { SqlClient } from './sql-client';
import type { StatementProfiles } from './statement-profiles';

/** Where the database is, as `SLUICE_DATABASE_URL` said (parsed by the server's env.ts). */
export type DatabaseLocation =
  | { kind: 'duckdb'; path: string }
  | {
      kind: 'mysql' | 'matrixone';
      host: string;
      port: number;
      user: string;
      password: string;
      /** The database flows' own tables and run staging live in (the URL's path). */
      database: string;
    };

/** A MySQL, MariaDB or MatrixOne server, as a URL with a host names it. */
export type ServerLocation = Extract<DatabaseLocation, { kind: 'mysql' | 'matrixone' }>;

/** A connection one run holds for its whole plan. */
export interface RunClient extends SqlClient {
  /** Stops the statement running now (DuckDB interrupt, `KILL QUERY` on MySQL-family servers). */
  cancel(): Promise<void>;
  /** Runs a bounded query and returns its rows with its columns' types as the target names them. */
  queryTable(sql: string): Promise<ResultTable>;
  /**
   * Declared where steps stream files through Sluice (a plan's `FileStream`); absent where the
   * database reads and writes files itself (DuckDB, MatrixOne).
   */
  readonly fileStreaming?: FileStreaming;
  /** Declared where the database profiles a statement it runs (DuckDB). */
  readonly statementProfiles?: StatementProfiles;
}

/** The database Sluice runs on: detected product and version, and its connections. */
export interface Target {
  readonly profile: TargetProfile;
  /** For people: the DuckDB file, or `host:port/database` (never a password). */
  readonly location: string;
  /**
   * The metadata connection the repositories share. DuckDB: the database's connection (tables
   * in its `sluice` schema). MySQL family: a pool whose tables live in the `sluice` database.
   */
  readonly meta: SqlClient;
  /** A connection of its own for one run; the run closes it. */
  connect(): Promise<RunClient>;
  /** Which of `tables` exist now (names compared as the server compares them). */
  existingTables(tables: readonly TableRef[]): Promise<TableRef[]>;
  /**
   * The tables and views flows may read (not Sluice's metadata, not run staging), for pickers;
   * those of the default schema without a schema.
   */
  listTables(): Promise<TableRef[]>;
  /** A table's columns in order with neutral types; `undefined` when there is no such table. */
  tableColumns(table: TableRef): Promise<Column[] | undefined>;
  /**
   * The columns and primary and unique keys of those of `tables` that exist, so a run's overwrite
   * keeps a table that fits and its upsert checks the table's keys.
   */
  describeTables(tables: readonly TableRef[]): Promise<TableDefinition[]>;
  /**
   * Columns of a file Sluice can read (a local path inside the file roots); `uri`, its stage://
   * form, names it when they cannot be detected.
   */
  detectColumns(local: string, format: FileFormat, uri: string): Promise<Column[]>;
  /**
   * Holds a run's destinations and run tag in the target itself until released, so runs of
   * other Sluice servers on the same database see them; refuses with `DestinationHeldError`
   * when another run holds a destination.
   */
  claim(request: ClaimRequest): Promise<TargetClaim>;
  /**
   * Drops the staging objects of runs that no longer run (their run tag has no live claim,
   * here or on another server), at start-up: in the target's database and the `places` named,
   * and their temporary export files; returns what it dropped and what it kept.
   */
  sweepStaging(places?: SweepPlaces): Promise<StagingSweep>;
  /** Runs one statement outside any transaction (MatrixOne's external stage DDL). */
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** How a target may touch the file system (DuckDB's SQL, and column detection everywhere). */
export interface OpenTargetOptions {
  allowedDirectories: readonly string[];
  /**
   * MySQL family: the database for Sluice's own tables, `sluice` unless given (tests give each
   * suite its own). Created when missing.
   */
  metaDatabase?: string;
}
