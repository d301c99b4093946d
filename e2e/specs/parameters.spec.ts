import path from 'node:path';

import { queryInMemory } from '../support/duckdb-file';
import { expect, test } from '../support/fixtures';
import { drawSourceFilterTable } from '../support/source-filter-table';

const monthCsv = path.resolve(import.meta.dirname, '../../samples/orders-2026-11.csv');

/** The orders of November 2026 of at least `amount`, counted by DuckDB from the file itself. */
async function countAtLeast(amount: number): Promise<number> {
  const [row] = await queryInMemory<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM read_csv('${monthCsv}') WHERE amount >= ${amount}`,
  );
  return row?.n ?? -1;
}

test('declare parameters, run with a chosen value, and see it in the run history', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Orders by month');
  const { table } = await drawSourceFilterTable(canvas, {
    path: 'orders-${month}.csv',
    condition: 'amount >= ${min_amount}',
    table: 'orders_${month}',
  });
  // Until they are declared, the references are problems on their fields.
  await expect(page.getByTestId('inspector')).toContainText(
    "Unknown parameter ${month}: declare it in the flow's parameters.",
  );

  await page.getByTestId('flow-settings-button').click();
  const settings = page.getByRole('dialog');
  await settings.getByTestId('add-parameter').click();
  await settings.getByTestId('add-parameter').click();
  const rows = settings.getByTestId('parameter-row');
  await rows.nth(0).getByTestId('parameter-name').fill('month');
  await rows.nth(0).getByTestId('parameter-default').fill('2026-11');
  await rows.nth(1).getByTestId('parameter-name').fill('min_amount');
  await rows.nth(1).getByTestId('parameter-type').click();
  await page.getByRole('option', { name: 'decimal', exact: true }).click();
  await rows.nth(1).getByTestId('parameter-default').fill('a lot');
  await expect(rows.nth(1)).toContainText('Expected a number such as 12.50');
  await expect(settings.getByTestId('apply-parameters')).toBeDisabled();
  await rows.nth(1).getByTestId('parameter-default').fill('100');
  await settings.getByTestId('apply-parameters').click();
  await expect(page.getByTestId('inspector')).not.toContainText('Unknown parameter');
  await canvas.save();

  await page.getByTestId('run-button').click();
  const dialog = page.getByRole('dialog');
  const minAmount = dialog.getByTestId('run-parameter-min_amount');
  await expect(minAmount).toHaveValue('100');
  await minAmount.fill('300');
  await dialog.getByTestId('run-with-parameters').click();
  const state = page.getByTestId('run-panel').getByTestId('run-state');
  await expect(state).toHaveText('succeeded', { timeout: 60_000 });
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText(
    String(await countAtLeast(300)),
  );
  const history = page.getByTestId('run-panel').getByTestId('run-history-parameters');
  await expect(history.first()).toHaveText('month = 2026-11, min_amount = 300');

  // The shortcut runs again at the value chosen last, without asking.
  await page.getByTestId('tab-run').click();
  await page.keyboard.press('Control+Enter');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toHaveText('month = 2026-11, min_amount = 300');
});
