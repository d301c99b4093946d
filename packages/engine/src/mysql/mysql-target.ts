import type { Connection } from 'mysql2';

import type { Column, FileFormat, TableRef } from '@sluice/stages';

import type { OpenTargetOptions, ServerLocation, Target } from '../target';
import type { ServerVersion } from './server-version';
import { detectFileColumns } from '../detect-columns';
import { DuckDbDatabase } from '../duckdb/duckdb-client';
import { errorReason } from '../error-details';
import { sweepStaging } from '../staging-sweep';
import { describeTables } from '../table-definitions';
import { TargetConnectError } from '../target-connect-error';
import { ClaimsTable } from './claims-table';
import { connectError, productLabel, serverAt } from './connect-errors';
import { mySqlTableColumns, mySqlTableKeys, mySqlTables } from './mysql-catalog';
import { MySqlPoolClient } from './mysql-pool-client';
import { MySqlRunClient, openConnection } from './mysql-run-client';
import { queryRows } from './mysql-session';
import { listStagingObjects } from './mysql-staging';
import { claimWithLocks, runHoldsLock } from './named-locks';
import { parseServerVersion, unsupportedVersion } from './server-version';

/** The database on the server that holds Sluice's own tables (flows, runs, external stages). */
export const META_DATABASE = 'sluice';

/** Refuses a server of the other family than the URL's scheme named. */
function checkProduct(server: ServerVersion, location: ServerLocation): void {
  const isMatrixOne = server.product === 'MatrixOne';
  if (isMatrixOne === (location.kind === 'matrixone')) return;
  const at = serverAt(location);
  const scheme = isMatrixOne ? 'matrixone' : 'mysql';
  throw new TargetConnectError(
    `${at} is ${server.product} ${server.version}, but SLUICE_DATABASE_URL starts with ` +
      `${location.kind}://. Use ${scheme}://… for it.`,
  );
}

/** Refuses a release older than Sluice supports, in one line saying what to do. */
function checkVersion(server: ServerVersion, location: ServerLocation): void {
  const problem = unsupportedVersion(server);
  if (problem === undefined) return;
  throw new TargetConnectError(
    `${serverAt(location)} runs ${problem} Upgrade the server or point ` +
      'SLUICE_DATABASE_URL at a newer one.',
  );
}

/**
 * File sources load with `LOAD DATA LOCAL INFILE`, which MySQL 8 turns off by default and
 * MariaDB leaves on (sql-reference.md §9.3); MatrixOne reads files itself and does not check.
 */
async function checkLocalInfile(
  connection: Connection,
  server: ServerVersion,
  location: ServerLocation,
): Promise<void> {
  if (server.product === 'MatrixOne') return;
  const [row] = await queryRows<{ enabled: unknown }>(
    connection.promise(),
    'SELECT @@GLOBAL.local_infile AS enabled',
  );
  if (Number(row?.enabled) === 1 || row?.enabled === true) return;
  throw new TargetConnectError(
    `${server.product} ${server.version} at ${serverAt(location)} has ` +
      'local_infile turned off, which file sources need (LOAD DATA LOCAL INFILE). ' +
      'Run SET GLOBAL local_infile = 1 as an administrator.',
  );
}

/** Creates the metadata database when missing; the server creates and migrates its tables. */
async function ensureMetaDatabase(
  connection: Connection,
  location: ServerLocation,
  name: string,
): Promise<void> {
  try {
    await connection.promise().query('CREATE DATABASE IF NOT EXISTS ??', [name]);
  } catch (error) {
    throw new TargetConnectError(
      `Cannot create the database "${name}" for Sluice's own tables on ` +
        `${productLabel(location)} at ${serverAt(location)}: ${errorReason(error)}. ` +
        `Create it, or grant user "${location.user}" the CREATE privilege.`,
      { cause: error },
    );
  }
}

/** Connects once to learn what the server is and that Sluice can work there. */
async function probe(location: ServerLocation, metaDatabase: string): Promise<ServerVersion> {
  let connection: Connection;
  try {
    connection = await openConnection(location);
  } catch (error) {
    throw connectError(error, location);
  }
  try {
    const [row] = await queryRows<{ version: string }>(
      connection.promise(),
      'SELECT VERSION() AS version',
    );
    const server = parseServerVersion(row?.version ?? '');
    checkProduct(server, location);
    checkVersion(server, location);
    await checkLocalInfile(connection, server, location);
    await ensureMetaDatabase(connection, location, metaDatabase);
    return server;
  } finally {
    connection.destroy();
  }
}

/**
 * Which of `tables` exist, by `information_schema`. Names compare as the server compares table
 * names: exactly, unless `lower_case_table_names` makes them case-insensitive.
 */
async function existingTables(
  client: MySqlPoolClient,
  defaultSchema: string,
  tables: readonly TableRef[],
): Promise<TableRef[]> {
  if (tables.length === 0) return [];
  const schemas = [...new Set(tables.map((t) => t.schema ?? defaultSchema))];
  const [setting] = await client.query<{ lower: unknown }>(
    'SELECT @@lower_case_table_names AS lower',
  );
  const fold =
    Number(setting?.lower ?? 0) === 0 ? (s: string) => s : (s: string) => s.toLowerCase();
  const rows = await client.query<{ schema: string; name: string }>(
    'SELECT table_schema AS `schema`, table_name AS name FROM information_schema.tables ' +
      `WHERE table_type = 'BASE TABLE' AND table_schema IN (${schemas.map(() => '?').join(', ')})`,
    schemas,
  );
  const key = (schema: string, name: string) => `${fold(schema)}\u0000${fold(name)}`;
  const found = new Set(rows.map((r) => key(r.schema, r.name)));
  return tables.filter((t) => found.has(key(t.schema ?? defaultSchema, t.name)));
}

/**
 * A MySQL, MariaDB or MatrixOne server as a target: metadata in a pool on the `sluice` database,
 * runs on connections of their own in the URL's database, column detection in an in-process
 * DuckDB confined to the allowed folders (the file never goes to the server for that).
 */
export async function openMySqlTarget(
  location: ServerLocation,
  options: OpenTargetOptions,
): Promise<Target> {
  const metaDatabase = options.metaDatabase ?? META_DATABASE;
  const server = await probe(location, metaDatabase);
  const meta = MySqlPoolClient.open({ ...location, database: metaDatabase });
  let sniffer: Promise<DuckDbDatabase> | undefined;
  const detectColumns = async (
    local: string,
    format: FileFormat,
    uri: string,
  ): Promise<Column[]> => {
    sniffer ??= DuckDbDatabase.open(':memory:', options);
    const client = await (await sniffer).connect();
    try {
      return await detectFileColumns(client, { local, uri }, format);
    } finally {
      await client.close();
    }
  };
  const dialect = server.product === 'MatrixOne' ? 'matrixone' : 'mysql';
  // MySQL and MariaDB share named locks across every client; MatrixOne keeps a claims table.
  const claimsTable =
    dialect === 'matrixone' ? new ClaimsTable(meta, location.database) : undefined;
  return {
    profile: {
      dialect,
      product: server.product,
      version: server.version,
    },
    location: `${serverAt(location)}/${location.database}`,
    meta,
    connect: () => MySqlRunClient.open(location),
    existingTables: (tables) => existingTables(meta, location.database, tables),
    listTables: () => mySqlTables(meta, location.database),
    tableColumns: (table) => mySqlTableColumns(meta, location.database, table),
    describeTables: (tables) =>
      describeTables(
        { tableColumns: (table) => mySqlTableColumns(meta, location.database, table) },
        (table) => mySqlTableKeys(meta, location.database, table),
        tables,
      ),
    detectColumns,
    claim: (request) =>
      claimsTable ? claimsTable.claim(request) : claimWithLocks(location, request),
    sweepStaging: async (places = {}) =>
      sweepStaging(await listStagingObjects(meta, [location.database, ...(places.schemas ?? [])]), {
        client: meta,
        dialect,
        isLive: (tag) => (claimsTable ? claimsTable.isLive(tag) : runHoldsLock(meta, tag)),
        // MatrixOne writes exports on its own servers; MySQL's are written by Sluice here.
        folders: dialect === 'matrixone' ? [] : (places.folders ?? []),
      }),
    execute: async (sql) => {
      await meta.run(sql);
    },
    close: async () => {
      await meta.close();
      if (sniffer) (await sniffer).close();
    },
  };
}
