import { test as base } from '@playwright/test';

import type { SluiceServer } from './sluice-server';
import { CanvasPage } from '../pages/canvas-page';
import { FlowListPage } from '../pages/flow-list-page';
import { removeDataDir, startSluice } from './sluice-server';

/** Each test gets its own server and data directory, so journeys never see each other's flows. */
export const test = base.extend<{ sluice: SluiceServer; flows: FlowListPage; canvas: CanvasPage }>({
  // Playwright reads fixture dependencies from the destructuring; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  sluice: async ({}, use) => {
    const server = await startSluice();
    await use(server);
    await server.stop();
    await removeDataDir(server);
  },
  flows: async ({ page, sluice }, use) => {
    await use(new FlowListPage(page, sluice.url));
  },
  canvas: async ({ page }, use) => {
    await use(new CanvasPage(page));
  },
});

export { expect } from '@playwright/test';
