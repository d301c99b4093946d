import type { Flow } from '@sluice/sdk';
import { createFlow } from '@sluice/sdk';

/** Each unit is 20 stages on two rows of ten columns; units stack downwards. */
const STAGES_PER_UNIT = 20;
const GRID = { x: 320, y: 140 };

const ORDER_COLUMNS = [
  { name: 'order_id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'status', type: 'VARCHAR' },
  { name: 'ordered_at', type: 'DATE' },
] as const;
const CUSTOMER_COLUMNS = [
  { name: 'name', type: 'VARCHAR' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'segment', type: 'VARCHAR' },
] as const;

/**
 * One unit of the flow, as a data engineer would draw it: orders and customers each cleaned,
 * joined, then split into revenue per segment written to a table and the largest orders
 * exported to a file. Two origins, sixteen processors, two destinations, nineteen links.
 */
function addUnit(flow: Flow, unit: number) {
  const at = (column: number, row: number) => ({
    position: { x: column * GRID.x, y: (unit * 2 + row) * GRID.y },
  });
  const orders = flow.addStage('file-source', {
    ...at(0, 0),
    label: `Orders ${unit}`,
    config: { externalStage: 'samples', path: 'orders.csv', columns: [...ORDER_COLUMNS] },
  });
  const customers = flow.addStage('file-source', {
    ...at(0, 1),
    label: `Customers ${unit}`,
    config: { externalStage: 'samples', path: 'customers.csv', columns: [...CUSTOMER_COLUMNS] },
  });
  const joined = flow.addStage('join', {
    ...at(4, 0),
    config: { kind: 'inner', keys: [{ left: 'customer', right: 'name' }] },
  });
  orders
    .connectOutputTo(
      flow.addStage('filter', { ...at(1, 0), config: { condition: "status = 'paid'" } }),
    )
    .connectOutputTo(
      flow.addStage('derive', {
        ...at(2, 0),
        config: { columns: [{ name: 'amount_net', expression: 'amount * 0.8' }] },
      }),
    )
    .connectOutputTo(
      flow.addStage('cast', {
        ...at(3, 0),
        config: { columns: [{ column: 'order_id', type: { name: 'text' } }] },
      }),
    )
    .connectOutputTo(joined, { port: 'left' });
  customers
    .connectOutputTo(
      flow.addStage('filter', { ...at(1, 1), config: { condition: "segment <> 'consumer'" } }),
    )
    .connectOutputTo(
      flow.addStage('select-columns', {
        ...at(2, 1),
        config: { columns: [{ source: 'name' }, { source: 'segment' }] },
      }),
    )
    .connectOutputTo(flow.addStage('deduplicate', { ...at(3, 1), config: { keys: ['name'] } }))
    .connectOutputTo(joined, { port: 'right' });
  joined
    .connectOutputTo(
      flow.addStage('filter', { ...at(5, 0), config: { condition: 'amount_net > 100' } }),
    )
    .connectOutputTo(
      flow.addStage('aggregate', {
        ...at(6, 0),
        config: {
          groupBy: ['segment'],
          aggregates: [
            { fn: 'count', as: 'orders' },
            { fn: 'sum', column: 'amount_net', as: 'revenue' },
          ],
        },
      }),
    )
    .connectOutputTo(
      flow.addStage('sort', {
        ...at(7, 0),
        config: { keys: [{ column: 'revenue', direction: 'desc', nulls: 'last' }] },
      }),
    )
    .connectOutputTo(flow.addStage('limit', { ...at(8, 0), config: { count: 10 } }))
    .connectOutputTo(
      flow.addStage('table-destination', {
        ...at(9, 0),
        label: `Revenue by segment ${unit}`,
        config: { table: `revenue_by_segment_${unit}`, mode: 'overwrite' },
      }),
    );
  joined
    .connectOutputTo(
      flow.addStage('select-columns', {
        ...at(4, 1),
        config: {
          columns: [
            { source: 'order_id' },
            { source: 'customer' },
            { source: 'segment' },
            { source: 'amount_net' },
          ],
        },
      }),
    )
    .connectOutputTo(
      flow.addStage('derive', {
        ...at(5, 1),
        config: { columns: [{ name: 'large', expression: 'amount_net > 200' }] },
      }),
    )
    .connectOutputTo(
      flow.addStage('sort', {
        ...at(6, 1),
        config: { keys: [{ column: 'amount_net', direction: 'desc', nulls: 'last' }] },
      }),
    )
    .connectOutputTo(flow.addStage('limit', { ...at(7, 1), config: { count: 1000 } }))
    .connectOutputTo(flow.addStage('deduplicate', { ...at(8, 1), config: { keys: ['customer'] } }))
    .connectOutputTo(
      flow.addStage('file-export', {
        ...at(9, 1),
        label: `Largest orders ${unit}`,
        config: { path: `largest-orders-${unit}.csv` },
      }),
    );
}

/** A flow of `stages` stages (a multiple of 20), laid out on a grid ten stages wide. */
export function manyStageFlow(stages: number): Flow {
  if (stages % STAGES_PER_UNIT !== 0) {
    throw new Error(`The benchmark flow grows in units of ${STAGES_PER_UNIT} stages.`);
  }
  const flow = createFlow({ name: `${stages} stages` });
  for (let unit = 0; unit < stages / STAGES_PER_UNIT; unit += 1) addUnit(flow, unit);
  return flow;
}
