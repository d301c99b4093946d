import { expect, test } from '../support/fixtures';
import { drawRowGenerator } from '../support/generated-rows';

test('rows generated inside the database, filtered, are shown by a peek after the run and again after a reload', async ({
  page,
  flows,
  canvas,
}) => {
  const generator = await drawRowGenerator(
    { flows, canvas },
    { name: 'Generate and peek', rows: 500 },
  );
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const peek = await canvas.dragStage('peek', { x: 750, y: 200 });
  await canvas.connect(generator, filter);
  await canvas.connect(filter, peek);
  await canvas.configure(filter, { condition: 'score > 5' });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  const panel = page.getByTestId('run-panel');
  const shown = panel.locator(`[data-testid="peek-rows"][data-stage-id="${peek}"]`);
  await expect(canvas.runStageRow(peek)).toHaveAttribute('data-state', 'succeeded');
  await expect(shown.getByTestId('preview-column')).toHaveText([/^id/, /^amount/, /^score/]);
  await expect(shown.getByTestId('peek-row')).toHaveCount(100);
  await expect(shown.getByTestId('peek-rows-note')).toHaveText(
    'The first 100 rows that arrived at this peek.',
  );
  const scores = await shown.getByTestId('peek-row').locator('td:nth-child(3)').allTextContents();
  expect(scores.every((score) => Number(score) > 5 && Number(score) <= 10)).toBe(true);
  const firstRows = await shown.getByTestId('peek-row').allTextContents();

  // The rows are kept with the run: after a reload the latest run shows the same ones.
  await page.reload();
  await expect(shown.getByTestId('peek-row')).toHaveCount(100);
  expect(await shown.getByTestId('peek-row').allTextContents()).toEqual(firstRows);
});

test('a SQL query over a generated table has the columns the database gives it, checked downstream, and peeks its rows', async ({
  page,
  flows,
  canvas,
}) => {
  const generator = await drawRowGenerator({ flows, canvas }, { name: 'Scores', rows: 50 });
  const table = await canvas.dragStage('table-destination', { x: 450, y: 200 });
  await canvas.connect(generator, table);
  await canvas.configure(table, { table: 'scores' });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  await canvas.backToFlows();
  await flows.create('Doubled scores');
  const query = await canvas.dragStage('sql-query', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const peek = await canvas.dragStage('peek', { x: 750, y: 200 });
  await canvas.connect(query, filter);
  await canvas.connect(filter, peek);
  await canvas.configure(query, { sql: 'SELECT id, score * 2 AS doubled FROM scores' });
  // The columns come from the database, so a misspelt one is caught before the run.
  await canvas.configure(filter, { condition: 'doubld > 10' });
  await expect(page.getByTestId('field-error-condition')).toContainText(
    'Unknown column "doubld"; did you mean "doubled"?',
  );
  await canvas.fill('condition', 'doubled > 10');
  await expect(canvas.node(filter).getByTestId('stage-badge-error')).toHaveCount(0);
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  const shown = page
    .getByTestId('run-panel')
    .locator(`[data-testid="peek-rows"][data-stage-id="${peek}"]`);
  await expect(shown.getByTestId('preview-column')).toHaveText([/^id/, /^doubled/]);
  await expect(shown.getByTestId('peek-rows-note')).toContainText('All ');
  const doubled = await shown.getByTestId('peek-row').locator('td:nth-child(2)').allTextContents();
  expect(doubled.length).toBeGreaterThan(0);
  expect(doubled.every((value) => Number(value) > 10 && Number(value) % 2 === 0)).toBe(true);
});
