import { expect, test } from '../support/fixtures';
import { orderColumns } from '../support/paid-orders';

test('a link shows the columns and types flowing along it, while hovered and when selected', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Link columns');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 550, y: 200 });
  await canvas.connect(source, filter);

  const card = page.getByTestId('link-columns');
  await expect(card).toHaveCount(0);
  await canvas.pointAtLink(source, filter);
  await expect(card.getByTestId('link-column')).toHaveText(orderColumns);
  await expect(card).toContainText('BIGINT');
  await page.mouse.move(10, 10);
  await expect(card).toHaveCount(0);

  await canvas.pointAtLink(source, filter);
  await page.mouse.down();
  await page.mouse.up();
  await page.mouse.move(10, 10);
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  await expect(card).toBeVisible();
});

test('renaming a column upstream marks every stage that reads it, before any run', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Renamed upstream');
  const source = await canvas.dragStage('file-source', { x: 120, y: 200 });
  const select = await canvas.dragStage('select-columns', { x: 380, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 640, y: 120 });
  const sort = await canvas.dragStage('sort', { x: 640, y: 300 });
  await canvas.connect(source, select);
  await canvas.connect(select, filter);
  await canvas.connect(filter, sort);

  await canvas.select(select);
  await page.getByRole('button', { name: 'Add all input columns' }).click();
  await canvas.configure(filter, { condition: 'amount > 10' });
  await canvas.select(sort);
  await page.getByTestId('add-sort-key').click();
  await page.getByRole('combobox', { name: 'Sort key 1 column', exact: true }).click();
  await page.getByRole('option', { name: 'amount', exact: true }).click();
  await expect(canvas.node(filter).getByTestId('stage-badge-error')).toHaveCount(0);
  await expect(canvas.node(sort).getByTestId('stage-badge-error')).toHaveCount(0);

  await canvas.select(select);
  await page.getByLabel('Column 4 output name', { exact: true }).fill('amount_eur');
  await expect(canvas.node(filter).getByTestId('stage-badge-error')).toBeVisible();
  await expect(canvas.node(sort).getByTestId('stage-badge-error')).toBeVisible();

  await canvas.select(filter);
  await expect(page.getByTestId('field-error-condition')).toContainText(
    'Unknown column "amount"; did you mean "amount_eur"?',
  );
  await canvas.select(sort);
  await expect(page.getByTestId('sort-key-row').first()).toContainText('amount_eur');
});

test('a SQL transform column only the database can name is asked of it, so the link after it shows it', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Described columns');
  const source = await canvas.dragStage('file-source', { x: 130, y: 200 });
  const sql = await canvas.dragStage('sql-transform', { x: 420, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 700, y: 200 });
  await canvas.connect(source, sql, { out: 'out', in: 'a' });
  await canvas.connect(sql, filter);
  await canvas.configure(sql, { sql: 'SELECT order_id, amount * 2 FROM a' });

  await canvas.pointAtLink(sql, filter);
  const columns = page.getByTestId('link-columns').getByTestId('link-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.first()).toHaveText('order_id');
  await expect(columns.nth(1)).toContainText('amount');
});
