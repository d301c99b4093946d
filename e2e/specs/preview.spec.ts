import { queryDatabaseFile } from '../support/duckdb-file';
import { expect, test } from '../support/fixtures';
import { countPaidOrders, drawPaidOrdersFlow } from '../support/paid-orders';

test('preview a filter before any run: its rows from a sample, and no table created', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  const { filter } = await drawPaidOrdersFlow(
    { flows, canvas },
    { name: 'Preview paid orders', table: 'previewed_orders' },
  );

  // Unsaved and never run: the preview reads the document as the editor has it.
  await canvas.select(filter);
  await page.getByTestId('preview-stage').click();
  const panel = page.getByTestId('preview-panel');
  await expect(panel.getByTestId('preview-sample-note')).toContainText(
    'Sample of the first 10,000 rows of each source',
  );
  const paid = await countPaidOrders();
  await expect(panel.getByTestId('preview-row')).toHaveCount(paid);
  await expect(panel.getByTestId('preview-column')).toHaveText([
    'order_id BIGINT',
    'customer VARCHAR',
    'country VARCHAR',
    'amount DOUBLE',
    'status VARCHAR',
    'ordered_at DATE',
  ]);
  await expect(panel.getByTestId('preview-sample-note')).toContainText('100 read');

  // The same through the link into the table, by its shortcut.
  await canvas.clickPane({ x: 600, y: 450 });
  await page.locator(`.react-flow__edge[data-id]`).last().click({ force: true });
  await page.keyboard.press('Shift+P');
  await expect(panel.getByTestId('preview-row')).toHaveCount(paid);

  await sluice.stop();
  const tables = await queryDatabaseFile<{ name: string }>(
    sluice.databaseFile,
    "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name <> 'sluice' UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name <> 'sluice'",
  );
  expect(tables).toEqual([]);
});
