import type { APIRequestContext } from '@playwright/test';

import type { ScratchDatabase } from './mariadb';
import { test as base } from './fixtures';
import { createScratchDatabase } from './mariadb';
import { removeDataDir, startSluice } from './sluice-server';

interface FlowRow {
  id: string;
}

async function flowIds(request: APIRequestContext, baseUrl: string): Promise<string[]> {
  const response = await request.get(`${baseUrl}/trpc/flow.list`);
  const body = (await response.json()) as { result: { data: FlowRow[] } };
  return body.result.data.map((flow) => flow.id);
}

/**
 * Journeys on MariaDB: the server runs against a database of the journey's own (flows' tables
 * land there), asked to keep its metadata in another of its own; both are dropped afterwards.
 * A server that keeps metadata in its shared default database instead gets the journey's flows
 * deleted through the API, so journeys never see each other's flows.
 */
export const test = base.extend<{ mariadb: ScratchDatabase }>({
  // Playwright reads fixture dependencies from the destructuring; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  mariadb: async ({}, use) => {
    const database = await createScratchDatabase();
    try {
      await use(database);
    } finally {
      await database.drop();
    }
  },
  sluice: async ({ mariadb, request }, use) => {
    const server = await startSluice({
      databaseUrl: mariadb.url,
      env: { SLUICE_METADATA_DATABASE: mariadb.metadataName },
    });
    const before = await flowIds(request, server.url);
    await use(server);
    for (const id of await flowIds(request, server.url)) {
      if (!before.includes(id))
        await request.post(`${server.url}/trpc/flow.delete`, { data: { id } });
    }
    await server.stop();
    await removeDataDir(server);
  },
});

export { expect } from '@playwright/test';
