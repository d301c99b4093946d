import { readdir } from 'node:fs/promises';

import { drawBigOrdersFlow, oneDuckDbThread, SLOW_CONDITION } from '../support/big-orders';
import { queryDatabaseFile } from '../support/duckdb-file';
import { expect, test } from '../support/fixtures';
import { paidCondition } from '../support/paid-orders';

const ROWS = 300_000;

oneDuckDbThread(test);

test('a live run shows each stage ticking, its statements and a timeline', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  const { filter, table } = await drawBigOrdersFlow(
    { flows, canvas, sluice },
    { name: 'Live run', rows: ROWS, condition: SLOW_CONDITION, table: 'watched' },
  );

  const panel = page.getByTestId('run-panel');
  await page.getByTestId('run-button').click();
  await expect(panel.getByTestId('run-state')).toHaveText('running');
  // The file, the filter and the table run as one statement, so all three run at once.
  const allRunning = panel.locator('[data-testid="run-stage-row"][data-state="running"]');
  await expect(allRunning).toHaveCount(3);
  const running = allRunning.first();

  // The running stage's time moves on its own, in the panel and on its node.
  const duration = running.getByTestId('run-stage-duration');
  await expect(duration).not.toBeEmpty();
  const shown = await duration.textContent();
  await expect.poll(() => duration.textContent()).not.toBe(shown);
  const runningId = await running.getAttribute('data-stage-id');
  await expect(canvas.node(runningId ?? '').getByTestId('stage-run-duration')).not.toBeEmpty();

  // The timeline draws a bar for each stage that has started, the running one in its state.
  await panel.getByTestId('run-view-timeline').click();
  const bar = panel.locator(`[data-testid="run-timeline-bar"][data-stage-id="${runningId}"]`);
  await expect(bar).toHaveAttribute('data-state', 'running');

  await page.getByTestId('cancel-run-button').click();
  await expect(panel.getByTestId('run-state')).toHaveText('cancelled');

  // A run that finishes lists every statement it sent, by stage, and one bar per stage.
  await canvas.configure(filter, { condition: 'order_id <= 1000' });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');
  await expect(panel.getByTestId('run-timeline-bar')).toHaveCount(3);
  await expect(
    panel.locator('[data-testid="run-timeline-bar"][data-state="succeeded"]'),
  ).toHaveCount(3);
  await panel.getByTestId('run-view-statements').click();
  const statements = panel.getByTestId('run-statement');
  await expect(
    panel.locator(`[data-testid="run-statement"][data-stage-id="${table}"]`),
  ).not.toHaveCount(0);
  await expect(statements.filter({ hasText: 'watched' })).not.toHaveCount(0);
  await panel.getByTestId('run-view-stages').click();
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows-in')).toHaveText('1,000 → ');
});

test('run up to here highlights what will run, then writes only its destination', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  await flows.goto();
  await flows.create('Partial run');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 120 });
  const file = await canvas.dragStage('file-export', { x: 750, y: 320 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, table);
  await canvas.connect(filter, file);
  await canvas.configure(source, { path: 'orders.csv' });
  await canvas.configure(filter, { condition: paidCondition });
  await canvas.configure(table, { table: 'partial_paid' });
  await canvas.configure(file, { path: 'partial-paid.csv' });
  await canvas.save();

  await canvas.select(table);
  await page.getByTestId('run-up-to-here').click();
  for (const id of [source, filter, table]) {
    await expect(canvas.node(id).locator('[data-cut="will-run"]')).toBeVisible();
  }
  await expect(canvas.node(file).locator('[data-cut="left-out"]')).toBeVisible();
  const dialog = page.getByTestId('partial-run-dialog');
  await expect(dialog.getByTestId('partial-run-destinations').getByRole('listitem')).toHaveText([
    'Table',
  ]);

  await dialog.getByTestId('partial-run-confirm').click();
  const panel = page.getByTestId('run-panel');
  await expect(panel.getByTestId('run-state')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(panel.getByTestId('run-stage-row')).toHaveCount(3);
  await expect(canvas.runStageRow(file)).toHaveCount(0);
  await expect(canvas.node(file).locator('[data-cut]')).toHaveCount(0);

  expect(await readdir(sluice.exportsDir)).not.toContain('partial-paid.csv');
  await sluice.stop();
  const [stored] = await queryDatabaseFile<{ n: number }>(
    sluice.databaseFile,
    'SELECT count(*)::INTEGER AS n FROM main.partial_paid',
  );
  expect(stored?.n).toBeGreaterThan(0);
});
