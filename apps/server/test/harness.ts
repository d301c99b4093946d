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

async function open(dir: string, config: ServerConfig): Promise<TestServer> {
  const services = await createServices(config);
  const server: TestServer = {
    dir,
    config,
    services,
    caller: createCaller(createContextInner({ services })),
    async restart() {
      await services.close();
      return open(dir, config);
    },
    async close() {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/**
 * Real services on a temporary DuckDB file, with a copy of the sample CSVs as the `samples`
 * external stage and `<data>/files` as the other allowed root.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
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
  return open(dir, { ...config, samplesDir });
}
