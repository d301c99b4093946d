import { realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';

import { getDialect } from '@sluice/compiler';

const dialect = getDialect('duckdb');

/**
 * Settings given when the instance is created: SQL in a flow (a filter condition) must not fetch
 * or load extensions, which would reach the network and run code from outside the install.
 * @see https://duckdb.org/docs/stable/operations_manual/securing_duckdb/overview
 */
export const SANDBOX_CREATE_OPTIONS: Readonly<Record<string, string>> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

/** Each folder as given and with symlinks resolved (file paths in plans are real paths). */
async function folderSpellings(folders: readonly string[]): Promise<string[]> {
  const spellings = await Promise.all(
    folders.map(async (folder) => {
      const absolute = resolve(folder);
      const real = await realpath(absolute).catch(() => absolute);
      return [absolute, real];
    }),
  );
  // A trailing separator keeps `/data/files` from also allowing `/data/files-other`.
  const withSep = spellings.flat().map((folder) => (folder.endsWith(sep) ? folder : folder + sep));
  return [...new Set(withSep)];
}

/**
 * Confines every connection of `instance` to `allowedDirectories` plus the database file's
 * folder (its WAL and spill files): no other file, no URL, no `ATTACH` elsewhere. The settings
 * are locked, so a `SET` inside flow SQL cannot undo them. DuckDB takes the folder list only as
 * SQL (not as a creation option), and it must be set before external access is turned off.
 * @see https://duckdb.org/docs/stable/configuration/overview#configuration-reference
 */
export async function confineFiles(
  instance: DuckDBInstance,
  databasePath: string,
  allowedDirectories: readonly string[],
): Promise<void> {
  const folders = databasePath === ':memory:' ? [] : [dirname(resolve(databasePath))];
  const allowed = await folderSpellings([...allowedDirectories, ...folders]);
  const connection = await instance.connect();
  try {
    const list = allowed.map((folder) => dialect.literal(folder)).join(', ');
    await connection.run(`SET GLOBAL allowed_directories = [${list}]`);
    await connection.run('SET GLOBAL enable_external_access = false');
    await connection.run('SET GLOBAL lock_configuration = true');
  } finally {
    connection.closeSync();
  }
}
