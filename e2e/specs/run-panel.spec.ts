import { drawBigOrdersFlow, oneDuckDbThread, SLOW_CONDITION } from '../support/big-orders';
import { expect, test } from '../support/fixtures';

const ROWS = 1_000_000;

oneDuckDbThread(test);

test('the run panel follows a run: timer, history, cancel, totals and SQL after a reload', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  const { filter, table } = await drawBigOrdersFlow(
    { flows, canvas, sluice },
    { name: 'Watched run', rows: ROWS, condition: SLOW_CONDITION, table: 'watched' },
  );

  const panel = page.getByTestId('run-panel');
  const history = panel.getByTestId('run-history-item');
  await page.getByTestId('run-button').click();
  await expect(panel.getByTestId('run-state')).toHaveText('running');
  await expect(canvas.runStageRow(filter)).toHaveAttribute('data-state', 'running');

  // The first run of the flow is listed while it runs, not only once it has ended.
  await expect(history).toHaveCount(1);
  await expect(history.first()).toHaveAttribute('data-state', /queued|running/);

  // The timer moves on its own while nothing else about the run changes.
  const elapsed = panel.getByTestId('run-elapsed');
  await expect(elapsed).toContainText(' s');
  const shown = await elapsed.textContent();
  await expect.poll(() => elapsed.textContent()).not.toBe(shown);

  await page.getByTestId('cancel-run-button').click();
  await expect(panel.getByTestId('run-state')).toHaveText('cancelled');
  await expect(canvas.runStageRow(filter)).toHaveAttribute('data-state', 'cancelled');
  // The filter runs inside the table's statement, so the cancel stops both.
  await expect(canvas.runStageRow(table)).toHaveAttribute('data-state', 'cancelled');
  await expect(history.first()).toHaveAttribute('data-state', 'cancelled');

  // Two appends: the second shows what it wrote and the table's total, twice as many.
  await canvas.configure(filter, { condition: 'order_id <= 1000' });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');
  expect(await canvas.run()).toBe('succeeded');
  const tableRow = canvas.runStageRow(table);
  await expect(tableRow.getByTestId('run-stage-rows')).toHaveText('1,000');
  await expect(tableRow.getByTestId('run-stage-table-rows')).toHaveText('2,000');
  await expect(tableRow).toContainText('1,000 written · 2,000 in table');

  // After a reload the latest run comes back with the SQL each stage ran.
  await page.reload();
  await expect(tableRow).toHaveAttribute('data-state', 'succeeded');
  await tableRow.getByRole('button', { name: 'Show SQL' }).click();
  await expect(tableRow.getByTestId('run-stage-sql')).toContainText('watched');

  // A run opened from History after the reload shows its SQL too.
  await expect(history).toHaveCount(3);
  await history.nth(1).click();
  await expect(tableRow.getByTestId('run-stage-table-rows')).toHaveText('1,000');
  await tableRow.getByRole('button', { name: 'Show SQL' }).click();
  await expect(tableRow.getByTestId('run-stage-sql')).toContainText('watched');

  // On a 1024 px screen the stage names keep their room and History becomes a menu.
  await page.setViewportSize({ width: 1024, height: 768 });
  const name = canvas.runStageRow(filter).getByRole('cell').nth(1);
  await expect(name).toContainText('Filter');
  expect((await name.boundingBox())?.width).toBeGreaterThanOrEqual(100);
  await panel.getByTestId('run-history-menu').click();
  await expect(page.getByRole('menu').getByTestId('run-history-item')).toHaveCount(3);
});
