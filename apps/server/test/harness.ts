import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ServerConfig } from '../src/env';
import type { Services } from '../src/services';
import { createContextInner } from '../src/context';
import { loadEnv } from '../src/env';
import { createCaller } from '../src/root';
import { createServices } from '../src/services';
import { createTestDatabase } from './mysql-test-database';

const REPO_SAMPLES = fileURLToPath(new URL('../../../samples', import.meta.url));

export interface TestServer {
  dir: string;
  config: ServerConfig;
  services: Services;
  caller: ReturnType<typeof createCaller>;
  /** Closes the services and opens them again on the same database file. */
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

async function open(
  dir: string,
  config: ServerConfig,
  dropDatabases: () => Promise<void>,
): Promise<TestServer> {
  const services = await createServices(config);
  const server: TestServer = {
    dir,
    config,
    services,
    caller: createCaller(createContextInner({ services })),
    async restart() {
      await services.close();
      return open(dir, config, dropDatabases);
    },
    async close() {
      await services.close();
      await dropDatabases();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Where a test server keeps its data: a DuckDB file, or fresh databases on the test MariaDB. */
export type TestTarget = 'duckdb' | 'mariadb';

/**
 * Real services on a temporary DuckDB file (or, for `mariadb`, on a fresh target database and a
 * fresh metadata database on the test MariaDB, dropped on close), with a copy of the sample CSVs
 * as the `samples` external stage and `<data>/files` as the other allowed root.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  target: TestTarget = 'duckdb',
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-server-'));
  const samplesDir = join(dir, 'samples');
  await cp(REPO_SAMPLES, samplesDir, { recursive: true });
  await mkdir(join(dir, 'data', 'files'), { recursive: true });
  const config = loadEnv({
    INIT_CWD: dir,
    SLUICE_DATA_DIR: join(dir, 'data'),
    SLUICE_FILE_ROOTS: `${samplesDir},${join(dir, 'data', 'files')}`,
    SLUICE_WEB_DIST: join(dir, 'web-dist'),
    SLUICE_PORT: '0',
    ...env,
  });
  if (target === 'duckdb') return open(dir, { ...config, samplesDir }, () => Promise.resolve());
  const database = await createTestDatabase();
  const mariaDbConfig = {
    ...config,
    samplesDir,
    database: database.location,
    metadataDatabase: database.metadataDatabase,
  };
  return open(dir, mariaDbConfig, () => database.drop()).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
}
