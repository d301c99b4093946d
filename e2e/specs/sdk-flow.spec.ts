import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, test } from '../support/fixtures';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const STAGES = ['file-source-1', 'filter-1', 'aggregate-1', 'table-destination-1'];

test('a flow written with the SDK runs from the command line and opens on the canvas as built', async ({
  page,
  flows,
  canvas,
  sluice,
}, testInfo) => {
  // The README's command, against this server.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'packages/sdk/examples/orders-by-region.ts'],
    { cwd: repoRoot, env: { ...process.env, SLUICE_URL: sluice.url } },
  );
  const lines = stdout.trim().split('\n');
  expect(lines.at(-1)).toBe('run: succeeded');
  expect(lines).toContain('revenue_by_country: succeeded');

  await flows.goto();
  await flows.row('Orders by region').getByRole('link').click();
  await expect(page.getByTestId('flow-title')).toContainText('Orders by region');
  await expect.poll(() => canvas.stageIds()).toEqual(STAGES);
  await expect.poll(() => canvas.edgeCount()).toBe(3);
  for (const [id, label] of [
    ['file-source-1', 'Orders'],
    ['filter-1', 'Paid orders'],
    ['aggregate-1', 'Revenue by country'],
    ['table-destination-1', 'revenue_by_country'],
  ] as const) {
    await expect(canvas.node(id)).toContainText(label);
  }
  await expect(page.locator('[data-testid="stage-badge-error"]')).toHaveCount(0);
  // Laid out by the SDK left to right along the links, so no two stages overlap.
  const xs = await Promise.all(STAGES.map(async (id) => (await canvas.position(id)).x));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  expect(new Set(xs).size).toBe(STAGES.length);

  // The README's picture of this flow: docs/sdk-flow.png is copied from here.
  await page.screenshot({ path: testInfo.outputPath('sdk-flow.png') });
});
