import { queryDatabaseFile } from '../support/duckdb-file';
import { expect, test } from '../support/fixtures';

test('a condition the database rejects fails the filter stage and keeps the table as it was', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  await flows.goto();
  await flows.create('Rejected filter');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, table);
  await canvas.select(filter);
  await canvas.fill('condition', "status = 'paid'");
  await canvas.select(table);
  await canvas.fill('table', 'kept');
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');
  const written = Number(
    await canvas.runStageRow(table).getByTestId('run-stage-rows').textContent(),
  );
  expect(written).toBeGreaterThan(0);

  await canvas.select(filter);
  await canvas.fill('condition', 'no_such_function(amount) > 1');
  await canvas.save();
  expect(await canvas.run()).toBe('failed');

  const failedRow = canvas.runStageRow(filter);
  await expect(failedRow).toHaveAttribute('data-state', 'failed');
  await expect(failedRow.getByTestId('run-stage-error')).toContainText('no_such_function');
  await expect(canvas.node(filter).locator('[data-run-state="failed"]')).toBeVisible();
  await expect(canvas.runStageRow(table)).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('run-state')).toHaveText('failed');

  await sluice.stop();
  const [kept] = await queryDatabaseFile<{ n: number }>(
    sluice.databaseFile,
    'SELECT count(*)::INTEGER AS n FROM main.kept',
  );
  expect(kept?.n).toBe(written);
});
