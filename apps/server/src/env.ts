/**
 * The only place that reads the environment. `loadEnv` turns variables into a checked
 * `ServerConfig`, or throws a `ConfigError` whose message is one line a person can act on.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

import type { DatabaseLocation } from '@sluice/engine';

import { ConfigError } from './config-error';
import { parseDatabaseUrl } from './database-url';
import { deriveSecretKey } from './secret-key';

export { ConfigError } from './config-error';

/** The repository root, the folder three levels above this file (apps/server/src/env.ts). */
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServerConfig {
  /** The database flows run on and metadata lives in, from `SLUICE_DATABASE_URL`. */
  database: DatabaseLocation;
  /**
   * On MySQL-family servers, the database holding Sluice's own tables (flows, runs, external
   * stages): `SLUICE_METADATA_DATABASE`, `sluice` by default. Two Sluice deployments sharing one
   * server keep apart by naming different ones.
   */
  metadataDatabase: string;
  /** The AES-256 key for external-stage credentials, derived from `SLUICE_SECRET_KEY`. */
  secretKey?: Buffer;
  dataDir: string;
  host: string;
  port: number;
  /** Absolute folders that `file://` external stages may point into. */
  fileRoots: string[];
  /** When set, every /trpc request must carry it. */
  accessToken?: string;
  webDist: string;
  /** The sample CSVs shipped with Sluice, offered as the `samples` external stage. */
  samplesDir: string;
  /** Where the seeded `exports` external stage writes. */
  exportsDir: string;
  /**
   * `NODE_ENV=development`, which only `npm run dev` sets: error responses then carry stacks
   * and the text of unexpected errors.
   */
  development: boolean;
}

const EnvSchema = z.object({
  SLUICE_DATABASE_URL: z.string().trim().min(1).optional(),
  SLUICE_DATA_DIR: z.string().trim().min(1).optional(),
  SLUICE_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SLUICE_PORT: z.coerce.number().int().min(0).max(65535).default(4310),
  SLUICE_FILE_ROOTS: z.string().trim().min(1).optional(),
  SLUICE_ACCESS_TOKEN: z.string().trim().min(1).optional(),
  SLUICE_WEB_DIST: z.string().trim().min(1).optional(),
  SLUICE_SECRET_KEY: z.string().trim().min(1).optional(),
  SLUICE_METADATA_DATABASE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_]{1,64}$/, 'use 1-64 letters, digits or "_" (a database name)')
    .default('sluice'),
  INIT_CWD: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
});

/** True for hosts only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function fileRootsOf(value: string | undefined, defaults: string[]): string[] {
  if (value === undefined) return defaults;
  const roots = value
    .split(',')
    .map((root) => root.trim())
    .filter((root) => root !== '');
  const relative = roots.find((root) => !isAbsolute(root));
  if (relative !== undefined) {
    throw new ConfigError(
      `SLUICE_FILE_ROOTS entries must be absolute folders; "${relative}" is not.`,
    );
  }
  return roots.map((root) => resolve(root));
}

/**
 * A destination named without a schema lands in the URL's database, so that database must not
 * be the one holding Sluice's own tables, in any case (some servers ignore it in names).
 */
function refuseSharedMetadata(database: DatabaseLocation, metadataDatabase: string): void {
  if (database.kind === 'duckdb') return;
  if (database.database.toLowerCase() !== metadataDatabase.toLowerCase()) return;
  throw new ConfigError(
    `SLUICE_DATABASE_URL names the database "${database.database}", which holds Sluice's own tables (SLUICE_METADATA_DATABASE is "${metadataDatabase}"): flows would write beside them. Name another database in the URL, or set SLUICE_METADATA_DATABASE to another name.`,
  );
}

/**
 * Reads the server configuration from `source` (the process environment by default).
 * @example loadEnv({ SLUICE_DATA_DIR: '/tmp/sluice', SLUICE_PORT: '0' })
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`${where}: ${issue?.message ?? 'invalid value'}.`);
  }
  const env = parsed.data;
  const baseDir = env.INIT_CWD ?? process.cwd();
  const dataDir = resolve(baseDir, env.SLUICE_DATA_DIR ?? '.sluice');
  const databaseUrl = env.SLUICE_DATABASE_URL ?? `duckdb:${join(dataDir, 'sluice.duckdb')}`;
  const samplesDir = join(REPO_ROOT, 'samples');
  const filesDir = join(dataDir, 'files');
  if (!isLoopbackHost(env.SLUICE_HOST) && env.SLUICE_ACCESS_TOKEN === undefined) {
    throw new ConfigError(
      `SLUICE_HOST is ${env.SLUICE_HOST}, which other machines can reach: set SLUICE_ACCESS_TOKEN too.`,
    );
  }
  const database = parseDatabaseUrl(databaseUrl, baseDir);
  refuseSharedMetadata(database, env.SLUICE_METADATA_DATABASE);
  return {
    database,
    metadataDatabase: env.SLUICE_METADATA_DATABASE,
    ...(env.SLUICE_SECRET_KEY === undefined
      ? {}
      : { secretKey: deriveSecretKey(env.SLUICE_SECRET_KEY) }),
    dataDir,
    host: env.SLUICE_HOST,
    port: env.SLUICE_PORT,
    fileRoots: fileRootsOf(env.SLUICE_FILE_ROOTS, [samplesDir, filesDir]),
    ...(env.SLUICE_ACCESS_TOKEN === undefined ? {} : { accessToken: env.SLUICE_ACCESS_TOKEN }),
    webDist:
      env.SLUICE_WEB_DIST === undefined ? DEFAULT_WEB_DIST : resolve(baseDir, env.SLUICE_WEB_DIST),
    samplesDir,
    exportsDir: join(filesDir, 'exports'),
    development: env.NODE_ENV === 'development',
  };
}

/** The server's configuration from the process environment with `overrides` (the CLI's options). */
export function loadEnvWith(overrides: Record<string, string>): ServerConfig {
  return loadEnv({ ...process.env, ...overrides });
}

/** The folder a command was typed in: npm runs scripts elsewhere and says where in INIT_CWD. */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}
