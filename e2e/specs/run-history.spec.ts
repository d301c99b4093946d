import { readFile } from 'node:fs/promises';

import { ExternalStagesPage } from '../pages/external-stages-page';
import { RunHistoryPage } from '../pages/run-history-page';
import { expect, test } from '../support/fixtures';
import { countPaidOrders, drawPaidOrdersFlow, paidCondition } from '../support/paid-orders';

test('reopen a past run after a reload, see its version read-only, run it again and restore it', async ({
  page,
  flows,
  canvas,
}) => {
  const history = new RunHistoryPage(page);
  const { filter, table } = await drawPaidOrdersFlow(
    { flows, canvas },
    { name: 'Paid orders history', table: 'paid_orders' },
  );
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  // The table the run wrote opens from the run panel, with its columns and rows.
  const paid = await countPaidOrders();
  await canvas.runStageRow(table).getByTestId('show-destination-rows').click();
  const rows = page.getByRole('dialog');
  await expect(rows.getByTestId('destination-row')).toHaveCount(Math.min(paid, 100));
  await expect(rows.getByRole('columnheader', { name: /customer/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Version 3 keeps other rows; the run above stays a run of version 2 (creating the flow saved 1).
  const condition = page.getByTestId('field-condition').locator('.cm-content');
  await canvas.configure(filter, { condition: "status = 'paid'" });
  await canvas.save();
  await page.reload();
  await expect(history.items()).toHaveCount(1);
  await expect(history.items().first()).toContainText('version 2');
  await expect(history.items().first()).toContainText('by editor');

  await history.open(0);
  await expect(page).toHaveURL(/\/flows\/[^/]+\/runs\/[^/]+$/);
  const assertPastRunShown = async () => {
    await expect(history.banner()).toContainText('Run of version 2 — read-only');
    await expect(canvas.runStageRow(table)).toHaveAttribute('data-state', 'succeeded');
    await expect(canvas.node(filter).locator('[data-run-state="succeeded"]')).toBeVisible();
    await expect(page.getByTestId('save-button')).toHaveCount(0);
    await expect(page.getByTestId('run-button')).toHaveCount(0);
    await expect(page.getByTestId('sql-button')).toBeVisible();
    await canvas.select(filter);
    await expect(condition).toHaveText(paidCondition);
    await expect(condition).toHaveAttribute('contenteditable', 'false');
    await canvas.select(table);
    await expect(page.getByTestId('field-table').locator('input')).toBeDisabled();
    // Its menus still copy and select, but offer no edit.
    await canvas.openMenuOn(filter);
    await expect(canvas.menuEntry('copy')).toBeEnabled();
    await expect(canvas.menuEntry('delete')).toBeDisabled();
    await expect(canvas.menuEntry('duplicate')).toBeDisabled();
    await page.keyboard.press('Escape');
  };
  await assertPastRunShown();
  await page.reload();
  await assertPastRunShown();

  // Run again runs version 2, not the current version 3, and says a re-run started it.
  const pastUrl = page.url();
  await history.runAgain();
  await expect(page).not.toHaveURL(pastUrl);
  await expect(page.getByTestId('run-panel').getByTestId('run-state')).toHaveText('succeeded');
  await expect(history.banner()).toContainText('Run of version 2 — read-only');
  await expect(history.items()).toHaveCount(2);
  await expect(history.items().first()).toContainText('version 2');
  await expect(history.items().first()).toContainText('by re-run');
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText(String(paid));

  // Restoring makes version 2's document current again, as a new version.
  await history.restore();
  await expect(page).toHaveURL(/\/flows\/[^/]+$/);
  await expect(page.getByTestId('save-button')).toBeVisible();
  await canvas.select(filter);
  await expect(condition).toHaveText(paidCondition);
  await expect(canvas.dirtyIndicator()).toBeHidden();
});

test('see an exported file from the run panel and download it from the External stages page', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Export to download');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const file = await canvas.dragStage('file-export', { x: 500, y: 200 });
  await canvas.connect(source, file);
  await canvas.configure(source, { path: 'orders.csv' });
  await canvas.configure(file, { path: 'all orders.csv' });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  // The run panel opens the exported file's first lines.
  await canvas.runStageRow(file).getByTestId('show-export-head').click();
  const head = page.getByRole('dialog').getByTestId('export-head');
  await expect(head).toContainText('order_id,customer,country,amount,status,ordered_at');
  await expect(page.getByRole('dialog')).toContainText('stage://exports/all orders.csv');
  await page.keyboard.press('Escape');

  const stages = new ExternalStagesPage(page);
  await stages.open();
  await stages.row('exports').getByTestId('toggle-external-stage-files').click();
  const row = page.locator('[data-testid="external-stage-file"][data-path="all orders.csv"]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('download-file').click(),
  ]);
  expect(download.suggestedFilename()).toBe('all orders.csv');
  const saved = await download.path();
  expect((await readFile(saved, 'utf8')).split('\n')[0]).toBe(
    'order_id,customer,country,amount,status,ordered_at',
  );
});
