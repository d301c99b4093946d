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
  await page.getByTestId('field-condition').locator('.cm-content').fill('amount >');
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

  // Each row moves and goes with its own buttons.
  const first = page.getByRole('combobox', { name: 'Column 1 source', exact: true });
  await expect(first).toHaveValue('order_id');
  await rows.nth(0).getByRole('button', { name: 'Move down' }).click();
  await expect(first).toHaveValue('customer');
  await expect(second).toHaveValue('order_id');
  await expect(rows.nth(0).getByRole('button', { name: 'Move up' })).toBeDisabled();
  await page.getByRole('button', { name: 'Remove column 1', exact: true }).click();
  await expect(rows).toHaveCount(5);
  await expect(first).toHaveValue('order_id');
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
  await expect(mode).toContainText("Overwrite replaces the table's rows with this run's result");
  await expect(canvas.node(table).getByTestId('stage-summary')).toHaveText('analytics.orders');
});

test('on the canvas at 1024 and 1440 px, no stage hides under the minimap and labels beside problem badges stay whole', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Layout');
  const source = await canvas.dragStage('file-source', { x: 120, y: 120 });
  const filter = await canvas.dragStage('filter', { x: 400, y: 120 });
  const select = await canvas.dragStage('select-columns', { x: 680, y: 120 });
  const table = await canvas.dragStage('table-destination', { x: 400, y: 330 });
  const file = await canvas.dragStage('file-export', { x: 680, y: 330 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, select);
  await canvas.connect(select, table);
  await canvas.connect(select, file);
  // A file that is not there has no columns to offer, so the row added below stays empty.
  await canvas.configure(source, { path: 'missing.csv' });
  await canvas.select(select);
  await page.getByRole('button', { name: 'Add column' }).click();
  await expect(canvas.node(select).getByTestId('stage-badge-error')).toBeVisible();

  const label = canvas.node(select).getByText('Select columns', { exact: true });
  await expect(label).toHaveAttribute('title', 'Select columns');
  const cut = await label.evaluate(
    (el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
  );
  expect(cut).toBe(false);

  const minimap = page.locator('.react-flow__minimap');
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 860 });
    await page.getByRole('button', { name: 'fit view' }).click();
    await expect(minimap).toBeVisible();
    const map = await minimap.boundingBox();
    if (!map) throw new Error('The minimap has no box');
    for (const id of [source, filter, select, table, file]) {
      const box = await canvas.node(id).boundingBox();
      if (!box) throw new Error(`Stage ${id} has no box`);
      const overlaps =
        box.x < map.x + map.width &&
        map.x < box.x + box.width &&
        box.y < map.y + map.height &&
        map.y < box.y + box.height;
      expect(overlaps, `${id} under the minimap at ${width} px`).toBe(false);
    }
  }
  await page.getByTestId('minimap-toggle').click();
  await expect(minimap).toHaveCount(0);
});

test('a mistyped column is an error on the condition as it is typed, naming the closest column of the file', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Mistyped column');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  await canvas.connect(source, filter);

  // The source declares no columns: the editor reads them from orders.csv, as a run would.
  await canvas.select(filter);
  await canvas.fill('condition', "stauts = 'paid'");
  await expect(page.getByTestId('field-error-condition')).toContainText(
    'Unknown column "stauts"; did you mean "status"?',
  );
  await canvas.fill('condition', "status = 'paid'");
  await expect(page.getByTestId('field-error-condition')).toHaveCount(0);
});

test('a condition completes input column names and functions as it is typed', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Completing condition');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  await canvas.connect(source, filter);
  await canvas.select(filter);

  const editor = page.getByTestId('field-condition').locator('.cm-content');
  await editor.fill('');
  await page.keyboard.type('amo');
  const completions = page.locator('.cm-tooltip-autocomplete');
  await completions.getByRole('option', { name: /^amount/ }).click();
  await page.keyboard.type(' > 1 AND coal');
  await completions.getByRole('option', { name: /^COALESCE/ }).click();
  await expect(editor).toHaveText('amount > 1 AND COALESCE(');
});
