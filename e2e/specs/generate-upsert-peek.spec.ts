import { expect, test } from '../support/fixtures';
import { drawRowGenerator } from '../support/generated-rows';

test('rows generated in the database are upserted twice on their key, and a peek shows the table holds each key once', async ({
  page,
  flows,
  canvas,
}) => {
  const generator = await drawRowGenerator({ flows, canvas }, { name: 'Upsert scores', rows: 200 });
  const table = await canvas.dragStage('table-destination', { x: 450, y: 200 });
  await canvas.connect(generator, table);
  await canvas.configure(table, { table: 'upserted_scores' });
  await canvas.choose('mode', 'Upsert on keys');
  await canvas.pick('Key columns', 'id');
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText('200');

  // Another seed gives other values for the same ids: the second run updates every row.
  await canvas.configure(generator, { seed: '7' });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  await canvas.backToFlows();
  await flows.create('Peek upserted');
  const query = await canvas.dragStage('sql-query', { x: 150, y: 200 });
  const peek = await canvas.dragStage('peek', { x: 450, y: 200 });
  await canvas.connect(query, peek);
  await canvas.configure(query, {
    sql: 'SELECT count(*) AS n, count(DISTINCT id) AS ids, min(id) AS first_id FROM upserted_scores',
  });
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  const shown = page
    .getByTestId('run-panel')
    .locator(`[data-testid="peek-rows"][data-stage-id="${peek}"]`);
  await expect(shown.getByTestId('preview-column')).toHaveText([/^n/, /^ids/, /^first_id/]);
  await expect(shown.getByTestId('peek-row')).toHaveCount(1);
  await expect(shown.getByTestId('peek-row').locator('td')).toHaveText(['200', '200', '1']);
});
