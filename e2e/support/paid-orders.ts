import path from 'node:path';

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
