import path from 'node:path';

import { queryDatabaseFile, queryInMemory } from '../support/duckdb-file';
import { expect, test } from '../support/fixtures';
import { ordersCsv } from '../support/paid-orders';

const customersCsv = path.resolve(import.meta.dirname, '../../samples/customers.csv');

/** Revenue per customer country, computed by DuckDB straight from the sample files. */
async function expectedRevenue(): Promise<[string, number][]> {
  const rows = await queryInMemory<{ country: string; revenue: number }>(
    `SELECT c.country, round(sum(o.amount), 2)::DOUBLE AS revenue
     FROM read_csv('${ordersCsv}') o JOIN read_csv('${customersCsv}') c ON o.customer = c.name
     GROUP BY c.country ORDER BY revenue DESC`,
  );
  return rows.map((r) => [r.country, r.revenue]);
}

test('join orders with customers, aggregate revenue per country, sort it and write a table, all with column pickers', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  await flows.goto();
  await flows.create('Revenue per country');
  const orders = await canvas.dragStage('file-source', { x: 130, y: 160 });
  const customers = await canvas.dragStage('file-source', { x: 130, y: 340 });
  const join = await canvas.dragStage('join', { x: 400, y: 250 });
  const aggregate = await canvas.dragStage('aggregate', { x: 680, y: 250 });
  const sort = await canvas.dragStage('sort', { x: 400, y: 450 });
  const table = await canvas.dragStage('table-destination', { x: 680, y: 450 });
  await canvas.connect(orders, join, { out: 'out', in: 'left' });
  await canvas.connect(customers, join, { out: 'out', in: 'right' });
  await canvas.connect(join, aggregate);
  await canvas.connect(aggregate, sort);
  await canvas.connect(sort, table);
  await canvas.configure(customers, { path: 'customers.csv' });

  await canvas.select(join);
  await page.getByTestId('add-join-key').click();
  await canvas.pick('Key pair 1 left column', 'customer');
  await canvas.pick('Key pair 1 right column', 'name');

  await canvas.pointAtLink(join, aggregate);
  await expect(page.getByTestId('link-columns').getByTestId('link-column')).toContainText([
    'order_id',
    'customer',
    'left_country',
    'amount',
    'right_country',
    'segment',
  ]);
  await page.mouse.move(10, 10);

  await canvas.select(aggregate);
  await canvas.pick('Group by', 'right_country');
  await canvas.pick('Aggregate 1 function', 'Sum');
  await canvas.pick('Aggregate 1 column', 'amount');
  await page.getByLabel('Aggregate 1 output name', { exact: true }).fill('revenue');

  await canvas.select(sort);
  await page.getByTestId('add-sort-key').click();
  await canvas.pick('Sort key 1 column', 'revenue');
  await canvas.pick('Sort key 1 direction', 'Descending');
  await canvas.configure(table, { table: 'revenue_per_country' });
  await expect(page.getByTestId('stage-badge-error')).toHaveCount(0);

  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');
  const expected = await expectedRevenue();
  expect(expected.length).toBeGreaterThan(1);
  await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText(
    String(expected.length),
  );

  await sluice.stop();
  const written = await queryDatabaseFile<{ country: string; revenue: number }>(
    sluice.databaseFile,
    'SELECT right_country AS country, round(revenue, 2)::DOUBLE AS revenue FROM revenue_per_country',
  );
  expect(written.map((r) => [r.country, r.revenue])).toEqual(expected);
});
