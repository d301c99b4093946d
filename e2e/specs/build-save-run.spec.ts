import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { queryDatabaseFile } from '../support/duckdb-file';
import { expect, test } from '../support/fixtures';
import { countPaidOrders, paidCondition } from '../support/paid-orders';

test('draw, save, reload, run and check the table and the exported file', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  await flows.goto();
  await flows.create('Paid orders');

  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 120 });
  const file = await canvas.dragStage('file-export', { x: 750, y: 320 });

  await canvas.connect(source, filter);
  await canvas.connect(filter, table);
  await canvas.connect(filter, file);
  await expect.poll(() => canvas.edgeCount()).toBe(3);

  await canvas.configure(source, { path: 'orders.csv' });
  await canvas.configure(filter, { condition: paidCondition });
  await canvas.configure(table, { table: 'paid_orders' });
  await canvas.configure(file, { path: 'paid-orders.csv' });
  await expect(page.locator('[data-testid="stage-badge-error"]')).toHaveCount(0);

  await canvas.save();
  await page.reload();
  await expect(canvas.node(source)).toBeVisible();
  await expect
    .poll(() => canvas.stageIds())
    .toEqual(expect.arrayContaining([source, filter, table, file]));
  await expect.poll(() => canvas.edgeCount()).toBe(3);
  await canvas.select(filter);
  await expect(page.getByTestId('field-condition').locator('.cm-content')).toHaveText(
    paidCondition,
  );

  expect(await canvas.run()).toBe('succeeded');
  for (const id of [source, filter, table, file]) {
    await expect(canvas.runStageRow(id)).toHaveAttribute('data-state', 'succeeded');
    await expect(canvas.node(id).locator('[data-run-state="succeeded"]')).toBeVisible();
  }

  const paid = await countPaidOrders();
  expect(paid).toBeGreaterThan(0);
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText(String(paid));

  const exported = await readFile(path.join(sluice.exportsDir, 'paid-orders.csv'), 'utf8');
  const lines = exported.trimEnd().split('\n');
  expect(lines[0]).toBe('order_id,customer,country,amount,status,ordered_at');
  expect(lines).toHaveLength(paid + 1);
  expect(lines.slice(1).every((line) => line.includes(',paid,'))).toBe(true);

  await sluice.stop();
  const [stored] = await queryDatabaseFile<{ n: number }>(
    sluice.databaseFile,
    'SELECT count(*)::INTEGER AS n FROM main.paid_orders',
  );
  expect(stored?.n).toBe(paid);
  const leftovers = await queryDatabaseFile<{ name: string }>(
    sluice.databaseFile,
    "SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE '__sluice%' UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE '__sluice%'",
  );
  expect(leftovers).toEqual([]);
});
