import type { FlowDocument, Link, Stage } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';
import { getStage } from '@sluice/stages';

/** Stages per branch of the benchmark flow; ten branches make the 100 stages. */
const BRANCH = [
  'file-source',
  'filter',
  'derive',
  'cast',
  'select-columns',
  'deduplicate',
  'sort',
  'aggregate',
  'limit',
  'table-destination',
] as const;

const ORDER_COLUMNS = [
  { name: 'order_id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'status', type: 'VARCHAR' },
  { name: 'ordered_at', type: 'DATE' },
];

/** The settings of each stage of branch `b`, over the sample orders file. */
function configOf(type: (typeof BRANCH)[number], b: number): Record<string, unknown> {
  switch (type) {
    case 'file-source':
      return { externalStage: 'samples', path: 'orders.csv', columns: ORDER_COLUMNS };
    case 'filter':
      return { condition: `amount >= ${String(b * 10)} AND status <> 'refunded'` };
    case 'derive':
      return {
        columns: [
          { name: 'amount_eur', expression: 'amount * 0.92' },
          { name: 'order_year', expression: 'year(ordered_at)' },
        ],
      };
    case 'cast':
      return { columns: [{ column: 'order_id', type: { name: 'text' } }], onError: 'fail' };
    case 'select-columns':
      return {
        columns: [
          { source: 'order_id' },
          { source: 'customer', as: 'customer_name' },
          { source: 'country' },
          { source: 'amount_eur' },
          { source: 'order_year' },
        ],
      };
    case 'deduplicate':
      return { keys: ['order_id'] };
    case 'sort':
      return { keys: [{ column: 'amount_eur', direction: 'desc', nulls: 'last' }] };
    case 'aggregate':
      return {
        groupBy: ['country', 'order_year'],
        aggregates: [
          { fn: 'count', column: '', as: 'orders' },
          { fn: 'sum', column: 'amount_eur', as: 'total_eur' },
        ],
      };
    case 'limit':
      return { count: 1000 };
    case 'table-destination':
      return { table: `bench_totals_${String(b)}`, mode: 'overwrite' };
  }
}

function stageOf(type: (typeof BRANCH)[number], b: number, i: number): Stage {
  const definition = getStage(type);
  if (!definition) throw new Error(`No stage type ${type}`);
  return {
    id: `b${String(b)}-${type}`,
    type,
    typeVersion: definition.version,
    label: `${definition.ui.label} ${String(b + 1)}`,
    description: `Step ${String(i + 1)} of the orders branch ${String(b + 1)}.`,
    position: { x: i * 260, y: b * 180 },
    config: { ...definition.defaults, ...configOf(type, b) },
  };
}

function linkOf(from: Stage, to: Stage): Link {
  return {
    id: `${from.id}--${to.id}`,
    source: { stageId: from.id, port: 'out' },
    target: { stageId: to.id, port: 'in' },
  };
}

/**
 * A 100-stage flow as a person would draw it: ten branches over the sample orders, each a file
 * source through filter, derive, cast, select, deduplicate, sort, aggregate and limit into its
 * own table, every stage with the defaults its type gives and a description.
 */
export function hundredStageFlow(): FlowDocument {
  const stages: Stage[] = [];
  const links: Link[] = [];
  for (let b = 0; b < 10; b++) {
    const branch = BRANCH.map((type, i) => stageOf(type, b, i));
    branch.slice(1).forEach((stage, i) => links.push(linkOf(branch[i] ?? stage, stage)));
    stages.push(...branch);
  }
  return { ...emptyFlowDocument(), stages, links };
}

/** The same flow with one stage moved and its filter changed, as an edit between two saves. */
export function edited(document: FlowDocument, edit: number): FlowDocument {
  return {
    ...document,
    stages: document.stages.map((stage, i) => {
      if (i === edit % document.stages.length) {
        return { ...stage, position: { x: stage.position.x, y: stage.position.y + 1 } };
      }
      if (stage.id !== `b${String(edit % 10)}-filter`) return stage;
      return { ...stage, config: { ...stage.config, condition: `amount >= ${String(edit)}` } };
    }),
  };
}

/** A three-stage flow cheap enough to run during the soak: orders, a filter, a table. */
export function smallRunFlow(table: string): FlowDocument {
  const destination = stageOf('table-destination', 0, 2);
  const stages = [
    stageOf('file-source', 0, 0),
    stageOf('filter', 0, 1),
    { ...destination, config: { ...destination.config, table } },
  ];
  const links = stages.slice(1).map((stage, i) => linkOf(stages[i] ?? stage, stage));
  return { ...emptyFlowDocument(), stages, links };
}
