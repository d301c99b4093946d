import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createApp, createServices, loadEnv } from '@sluice/server';

/** A Sluice server on a free loopback port and a fresh DuckDB file, as `npm start` serves it. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the server's HTTP app (tRPC, SSE) in this process, with `env` on top of the defaults. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-sdk-'));
  const config = loadEnv({
    INIT_CWD: dir,
    SLUICE_DATA_DIR: join(dir, 'data'),
    SLUICE_WEB_DIST: join(dir, 'web-dist'),
    SLUICE_PORT: '0',
    ...env,
  });
  const services = await createServices(config);
  const http = await new Promise<Server>((resolve) => {
    const server = createApp(services).listen(0, '127.0.0.1', () => resolve(server));
  });
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async close() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
