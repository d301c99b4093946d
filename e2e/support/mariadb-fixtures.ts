import type { ScratchDatabase } from './mariadb';
import { test as base } from './fixtures';
import { createScratchDatabase } from './mariadb';
import { removeDataDir, startSluice } from './sluice-server';

/**
 * Journeys on MariaDB: the server runs against a database of the journey's own (flows' tables
 * land there) and keeps its metadata in another of its own; both are dropped afterwards.
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
  sluice: async ({ mariadb }, use) => {
    const server = await startSluice({
      databaseUrl: mariadb.url,
      env: { SLUICE_METADATA_DATABASE: mariadb.metadataName },
    });
    await use(server);
    await server.stop();
    await removeDataDir(server);
  },
});

export { expect } from '@playwright/test';
