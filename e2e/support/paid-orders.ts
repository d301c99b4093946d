import path from 'node:path';

import type { CanvasPage } from '../pages/canvas-page';
import type { FlowListPage } from '../pages/flow-list-page';
import { queryInMemory } from './duckdb-file';

/** The sample orders file the journeys load, and the condition their filter keeps. */
export const ordersCsv = path.resolve(import.meta.dirname, '../../samples/orders.csv');
export const paidCondition = "amount > 100 AND status = 'paid'";
/** The columns of the sample orders file, in its order, as a source detects them. */
export const orderColumns = ['order_id', 'customer', 'country', 'amount', 'status', 'ordered_at'];

/** How many orders the condition keeps, counted by DuckDB straight from the file, not by Sluice. */
export async function countPaidOrders(): Promise<number> {
  const [row] = await queryInMemory<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM read_csv('${ordersCsv}') WHERE ${paidCondition}`,
  );
  return row?.n ?? -1;
}

/**
 * Creates a flow `name` from the flow list and draws a file source linked into a filter linked
 * into a table destination, left as the palette adds them. Returns the stage ids.
 */
export async function drawSourceFilterTable(
  pages: { flows: FlowListPage; canvas: CanvasPage },
  name: string,
): Promise<{ source: string; filter: string; table: string }> {
  const { flows, canvas } = pages;
  await flows.goto();
  await flows.create(name);
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, table);
  return { source, filter, table };
}

/**
 * Draws, unsaved, a flow `name`: orders.csv → a filter keeping `paidCondition` → table
 * `table`. Returns the stage ids.
 */
export async function drawPaidOrdersFlow(
  pages: { flows: FlowListPage; canvas: CanvasPage },
  flow: { name: string; table: string },
): Promise<{ source: string; filter: string; table: string }> {
  const { canvas } = pages;
  const stages = await drawSourceFilterTable(pages, flow.name);
  await canvas.configure(stages.source, { path: 'orders.csv' });
  await canvas.configure(stages.filter, { condition: paidCondition });
  await canvas.configure(stages.table, { table: flow.table });
  return stages;
}
