import { expect, test } from '../support/mariadb-fixtures';
import { countPaidOrders, paidCondition } from '../support/paid-orders';

test('on MariaDB: the header names the server, and a CSV → filter → table run lands its rows there', async ({
  page,
  flows,
  canvas,
  mariadb,
}) => {
  await flows.goto();
  const badge = page.getByTestId('target-badge');
  await expect(badge).toHaveText(/^MariaDB 10\.11\.\d+/);
  await expect(badge).toHaveAttribute('data-location', new RegExp(`/${mariadb.name}$`));
  await badge.hover();
  await expect(page.getByRole('tooltip')).toContainText(mariadb.name);

  // Unique while the server keeps every MariaDB test's metadata in one `sluice` database.
  await flows.create('Paid orders');
  await expect(badge).toHaveText(/^MariaDB 10\.11\.\d+/);
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, table);
  await expect.poll(() => canvas.edgeCount()).toBe(2);
  await canvas.configure(source, { path: 'orders.csv' });
  await canvas.configure(filter, { condition: paidCondition });
  await canvas.configure(table, { table: 'paid_orders' });
  await expect(page.locator('[data-testid="stage-badge-error"]')).toHaveCount(0);

  await page.getByTestId('sql-button').click();
  await expect(page.getByTestId('sql-view-title')).toHaveText(/for MariaDB 10\.11/);
  await expect(page.getByTestId('sql-view')).toContainText('LOAD DATA LOCAL INFILE');
  await page.keyboard.press('Escape');

  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  const paid = await countPaidOrders();
  expect(paid).toBeGreaterThan(0);
  const [stored] = await mariadb.query<{ n: number; wrong: number }>(
    `SELECT COUNT(*) AS n, SUM(NOT (${paidCondition})) AS wrong FROM paid_orders`,
  );
  expect(Number(stored?.n)).toBe(paid);
  expect(Number(stored?.wrong)).toBe(0);
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText(String(paid));
  const leftovers = await mariadb.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE '\\_\\_sluice%'",
    [mariadb.name],
  );
  expect(leftovers).toEqual([]);

  const file = await canvas.dragStage('file-export', { x: 750, y: 380 });
  await canvas.connect(filter, file);
  await canvas.select(file);
  await expect(page.getByTestId('field-delimiter')).toBeVisible();
  await canvas.choose('format', 'Parquet');
  await expect(page.getByTestId('field-delimiter')).toHaveCount(0);
  await expect(page.getByTestId('field-error-format')).toContainText(
    'Parquet export needs DuckDB or MatrixOne 4.0',
  );
  await expect(canvas.node(file).getByTestId('stage-badge-error')).toBeVisible();
});
