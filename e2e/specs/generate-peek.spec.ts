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
