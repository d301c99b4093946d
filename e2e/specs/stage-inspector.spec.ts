import { expect, test } from '../support/fixtures';

test('a condition problem shows on the field as it is typed, and a failed stage shows the database error in its own inspector', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Rejected filter');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, table);

  await canvas.select(filter);
  const problems = page
    .getByTestId('field-error-condition')
    .or(page.getByTestId('field-warning-condition'));
  await page.getByTestId('field-condition').locator('textarea').fill('amount >');
  await expect(problems).toBeVisible();
  await canvas.fill('condition', 'no_such_function(amount) > 1');
  await expect(problems).toHaveCount(0);
  await expect(canvas.inspectorRunError()).toHaveCount(0);

  await canvas.save();
  expect(await canvas.run()).toBe('failed');
  await canvas.select(filter);
  await expect(canvas.inspectorRunError()).toContainText('no_such_function');
  await canvas.select(table);
  await expect(canvas.inspectorRunError()).toHaveCount(0);
});

test('select columns keeps a column picked again, and a problem marks its own row and box', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Pick columns');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const select = await canvas.dragStage('select-columns', { x: 500, y: 200 });
  await canvas.connect(source, select);
  await canvas.select(source);
  await page.getByTestId('detect-columns').click();
  await expect(page.getByTestId('schema-row')).toHaveCount(6);

  await canvas.select(select);
  await page.getByRole('button', { name: 'Add all input columns' }).click();
  const rows = page.getByTestId('mapping-row');
  await expect(rows).toHaveCount(6);
  const second = page.getByRole('combobox', { name: 'Column 2 source', exact: true });
  await expect(second).toHaveValue('customer');
  await second.click();
  await page.getByRole('option', { name: 'customer', exact: true }).click();
  await expect(second).toHaveValue('customer');
  await expect(page.getByTestId('mapping-error')).toHaveCount(0);

  await page.getByLabel('Column 3 output name', { exact: true }).fill('Customer');
  await expect(rows.nth(2).getByTestId('mapping-error')).toHaveText('"Customer" is used twice.');
  await expect(page.getByTestId('mapping-error')).toHaveCount(1);
  await expect(page.getByLabel('Column 3 output name', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(
    page.getByRole('combobox', { name: 'Column 3 source', exact: true }),
  ).not.toHaveAttribute('aria-invalid', 'true');
  await expect(second).not.toHaveAttribute('aria-invalid', 'true');
});

test('the file export path follows its format in one undo step, and a mismatch is a warning', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Export');
  const file = await canvas.dragStage('file-export', { x: 400, y: 200 });
  await canvas.select(file);
  const path = page.getByTestId('field-path').locator('input');
  const format = page.getByTestId('field-format').getByRole('combobox');
  await expect(path).toHaveValue('output.csv');

  await canvas.choose('format', 'JSON lines');
  await expect(path).toHaveValue('output.jsonl');
  await page.getByTestId('undo-button').click();
  await expect(path).toHaveValue('output.csv');
  await expect(format).toHaveValue('CSV');

  await canvas.fill('path', 'reports/daily.csv');
  await canvas.choose('format', 'Parquet');
  await expect(path).toHaveValue('reports/daily.parquet');
  await expect(page.getByTestId('field-warning-path')).toHaveCount(0);

  await canvas.fill('path', 'reports/daily.csv');
  await expect(page.getByTestId('field-warning-path')).toContainText('.parquet');
});

test('a table destination says what each write mode does, and its node names the table', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Orders table');
  const table = await canvas.dragStage('table-destination', { x: 400, y: 200 });
  await canvas.configure(table, { schema: 'analytics', table: 'orders' });
  const mode = page.getByTestId('field-mode');
  await expect(mode).toContainText("Append adds this run's rows to the rows already in the table");
  await expect(mode).toContainText(
    "Overwrite replaces the table's rows and columns with this run's result",
  );
  await expect(canvas.node(table).getByTestId('stage-summary')).toHaveText('analytics.orders');
});
