import { expect, test } from '../support/fixtures';

const AFTER = { out: 'done', in: 'after' };

test('an executor is drawn apart on the canvas, with a badge saying where it runs', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Load then note');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 450, y: 200 });
  const note = await canvas.dragStage('sql-statement', { x: 750, y: 200 });
  await canvas.connect(source, table);
  await canvas.connect(table, note, AFTER);
  await expect.poll(() => canvas.edgeCount()).toBe(2);

  const node = canvas.node(note);
  await expect(node.locator('[data-category="executor"]')).toBeVisible();
  await expect(node.locator('.react-flow__handle[data-ordering="true"]')).toHaveCount(2);
  await expect(node.getByTestId('executor-placement')).toHaveText('choose where it runs');
  await expect(canvas.node(table).getByTestId('executor-placement')).toHaveCount(0);

  await canvas.select(note);
  await canvas.choose('runs', "Inside the run's transaction");
  await expect(node.getByTestId('executor-placement')).toHaveText('inside the write');
  await canvas.choose('runs', 'After the run commits');
  await expect(node.getByTestId('executor-placement')).toHaveText('runs after commit');
  await expect(page.getByTestId('field-runs')).toContainText(
    "a failure of its own leaves the run's writes in place",
  );
});

test('a run that restores a snapshot asks first, naming what it overwrites', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Restore after load');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 450, y: 200 });
  const restore = await canvas.dragStage('restore-snapshot', { x: 750, y: 200 });
  await canvas.connect(source, table);
  await canvas.connect(table, restore, AFTER);
  await canvas.configure(source, { path: 'orders.csv' });
  await canvas.configure(restore, { snapshot: 'before_load', database: 'sales' });
  await expect(canvas.node(restore).getByTestId('executor-placement')).toHaveText(
    'runs after commit',
  );
  await canvas.save();

  await page.getByTestId('run-button').click();
  const dialog = page.getByRole('dialog', { name: 'This run overwrites data' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('run-confirm-overwrites')).toHaveText(
    'Restore snapshot: database sales is overwritten with what snapshot before_load holds; changes made since are lost.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('run-panel').getByTestId('run-state')).toHaveText('idle');

  // Confirmed, the run is asked for; DuckDB has no snapshots, which the server says on the stage.
  await page.getByTestId('run-button').click();
  await page.getByTestId('run-confirm-button').click();
  await expect(dialog).toBeHidden();
  await expect(
    page.locator('.mantine-Notification-root').getByText('Restoring a snapshot needs MatrixOne'),
  ).toBeVisible();
});
