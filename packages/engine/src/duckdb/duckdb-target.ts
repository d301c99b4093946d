import type { TableRef } from '@sluice/stages';
import { STAGING_PREFIX } from '@sluice/compiler';

import type { StagingObject } from '../staging-sweep';
import type { OpenTargetOptions, Target } from '../target';
import { databaseErrorText } from '../database-error-text';
import { detectFileColumns } from '../detect-columns';
import { sweepStaging } from '../staging-sweep';
import { describeTables } from '../table-definitions';
import { TargetConnectError } from '../target-connect-error';
import { duckDbTableColumns, duckDbTableKeys, duckDbTables, MAIN_SCHEMA } from './duckdb-catalog';
import { DuckDbDatabase } from './duckdb-client';

/**
 * Which of `tables` exist in `database`. DuckDB matches names case-insensitively, so this does
 * too; a table without a schema is looked for in `main`.
 */
async function existingTables(
  database: DuckDbDatabase,
  tables: readonly TableRef[],
): Promise<TableRef[]> {
  const client = await database.connect();
  try {
    const rows = await client.query<{ schema: string; name: string }>(
      'SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() WHERE NOT temporary',
    );
    const found = new Set(rows.map((r) => `${r.schema.toLowerCase()}.${r.name.toLowerCase()}`));
    return tables.filter((t) =>
      found.has(`${(t.schema ?? MAIN_SCHEMA).toLowerCase()}.${t.name.toLowerCase()}`),
    );
  } finally {
    await client.close();
  }
}

/**
 * `SLUICE_TEST_DUCKDB_THREADS`, for tests that must watch or cancel a run mid-statement: one
 * thread makes a statement's duration the same on a 2-core machine and a 32-core one, so a
 * run given minutes of work is certainly still running when the test acts. Not for production.
 */
function threadsForTests(): { threads?: number } {
  const threads = Number(process.env.SLUICE_TEST_DUCKDB_THREADS);
  return Number.isInteger(threads) && threads > 0 ? { threads } : {};
}

/** Tables and views of the database file whose names start like staging. */
async function stagingObjects(database: DuckDbDatabase): Promise<StagingObject[]> {
  const client = await database.connect();
  try {
    return await client.query<{ schema: string; name: string; kind: 'table' | 'view' }>(
      `SELECT schema_name AS schema, table_name AS name, 'table' AS kind FROM duckdb_tables()
         WHERE NOT temporary AND database_name = current_database()
           AND starts_with(table_name, ?)
       UNION ALL
       SELECT schema_name, view_name, 'view' FROM duckdb_views()
         WHERE NOT temporary AND NOT internal AND database_name = current_database()
           AND starts_with(view_name, ?)`,
      [STAGING_PREFIX, STAGING_PREFIX],
    );
  } finally {
    await client.close();
  }
}

/**
 * The embedded DuckDB file as a target: metadata on the database's own connection (tables in
 * its `sluice` schema), each run and each column detection on a connection of its own.
 */
export async function openDuckDbTarget(path: string, options: OpenTargetOptions): Promise<Target> {
  let database: DuckDbDatabase;
  try {
    database = await DuckDbDatabase.open(path, { ...options, ...threadsForTests() });
  } catch (error) {
    const reason = databaseErrorText(error).replace(/\s+/g, ' ');
    throw new TargetConnectError(
      `Cannot open the DuckDB database ${path}: ${reason}. ` +
        'Stop the other process using it or fix SLUICE_DATABASE_URL.',
      { cause: error },
    );
  }
  const meta = await database.connect();
  const version = (await database.version()).replace(/^v/, '');
  // DuckDB lets one process open the file for writing, so the server's in-process claims see
  // every run on it; the target only remembers which run tags are live, for the sweep.
  const liveTags = new Set<string>();
  return {
    profile: { dialect: 'duckdb', product: 'DuckDB', version },
    location: path,
    meta,
    connect: () => database.connect(),
    existingTables: (tables) => existingTables(database, tables),
    listTables: () => duckDbTables(database),
    tableColumns: (table) => duckDbTableColumns(database, table),
    describeTables: (tables) =>
      describeTables(
        { tableColumns: (table) => duckDbTableColumns(database, table) },
        (table) => duckDbTableKeys(database, table),
        tables,
      ),
    detectColumns: async (local, format, uri) => {
      const client = await database.connect();
      try {
        return await detectFileColumns(client, { local, uri }, format);
      } finally {
        await client.close();
      }
    },
    claim: ({ runTag }) => {
      liveTags.add(runTag);
      return Promise.resolve({
        // Held in this process, it ends only when the run releases it.
        lost: new AbortController().signal,
        release: () => {
          liveTags.delete(runTag);
          return Promise.resolve();
        },
      });
    },
    sweepStaging: async (places = {}) =>
      sweepStaging(await stagingObjects(database), {
        client: meta,
        dialect: 'duckdb',
        isLive: (tag) => Promise.resolve(liveTags.has(tag)),
        folders: places.folders ?? [],
      }),
    execute: async (sql) => {
      await meta.run(sql);
    },
    close: () => {
      database.close();
      return Promise.resolve();
    },
  };
}
