import type { FlowDocument, Stage } from '@sluice/flow';

import { link, stage } from './flows';

/** The columns every proof source declares, one of each neutral type. */
export const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'price', type: 'DECIMAL' },
  { name: 'paid', type: 'BOOLEAN' },
  { name: 'ordered_on', type: 'DATE' },
  { name: 'shipped_at', type: 'TIMESTAMP' },
  { name: 'note', type: 'VARCHAR' },
];

const CSV_ROWS = [
  'id,customer,amount,price,paid,ordered_on,shipped_at,note',
  '1,"Smith, Jo",12.5,12.50,true,2024-01-02,2024-01-02 10:00:00,plain',
  '2,Lee,7.25,7,false,2024-02-03,2024-02-03 11:30:00.5,"say ""hi"""',
  '3,,30,0.125,true,2024-03-04,,#hash',
  '4,Ng,1e3,1000,,2024-03-05,2024-03-05 00:00:00,',
  '5,Émile,15.75,-3.5,false,2024-03-06,2024-03-06 23:59:59.123456,"multi',
  'line"',
  '9007199254740993,Big,1e20,99999999.9999999999,true,2024-12-31,2024-12-31 12:00:00,tab\there',
];

/** The proof's source files, the same rows written as CSV, TSV and JSON lines. */
export const SOURCE_FILES: Record<string, string> = {
  'orders.csv': `${CSV_ROWS.join('\n')}\n`,
  'orders.tsv':
    [
      'id\tcustomer\tamount\tprice\tpaid\tordered_on\tshipped_at\tnote',
      '1\tSmith, Jo\t12.5\t12.50\ttrue\t2024-01-02\t2024-01-02 10:00:00\tplain',
      '2\tLee\t7.25\t7\tfalse\t2024-02-03\t2024-02-03 11:30:00.5\t"say ""hi"""',
      '3\t\t30\t0.125\ttrue\t2024-03-04\t\t#hash',
      '4\tNg\t1e3\t1000\t\t2024-03-05\t2024-03-05 00:00:00\t',
      '9007199254740993\tBig\t1e20\t99999999.9999999999\ttrue\t2024-12-31\t2024-12-31 12:00:00\ta,b;c',
    ].join('\n') + '\n',
  'orders.jsonl':
    [
      {
        id: 1,
        customer: 'Smith, Jo',
        amount: 12.5,
        price: 12.5,
        paid: true,
        ordered_on: '2024-01-02',
        shipped_at: '2024-01-02 10:00:00',
        note: 'plain',
      },
      {
        id: 2,
        customer: 'Lee',
        amount: 7.25,
        price: 7,
        paid: false,
        ordered_on: '2024-02-03',
        shipped_at: '2024-02-03 11:30:00.5',
        note: 'say "hi"',
      },
      {
        id: 3,
        customer: null,
        amount: 30,
        price: 0.125,
        paid: true,
        ordered_on: '2024-03-04',
        note: '#hash',
      },
      {
        id: 4,
        customer: 'Ng',
        amount: 1000,
        price: 1000,
        ordered_on: '2024-03-05',
        shipped_at: '2024-03-05 00:00:00',
        note: '',
      },
      {
        id: 5,
        customer: 'Émile',
        amount: 15.75,
        price: -3.5,
        paid: false,
        ordered_on: '2024-03-06',
        shipped_at: '2024-03-06 23:59:59.123456',
        note: 'multi\nline\tand \\ backslash',
      },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n') + '\n',
  // Lee twice (each matching order 2), Smith, Jo (order 1), a NULL name, Zed twice alike (no order).
  'customers.csv': [
    'customer,id,country,note',
    'Lee,10,KR,first Lee',
    'Lee,11,US,second Lee',
    '"Smith, Jo",12,GB,',
    ',13,FR,no name',
    'Zed,14,NZ,no orders',
    'Zed,14,NZ,no orders',
    '',
  ].join('\n'),
  // The next month, columns in another order: rows 1 and 3 again as they were, row 2 changed,
  // row 6 new and sent twice.
  'orders-feb.csv': `${[
    'note,id,amount,customer,price,paid,ordered_on,shipped_at',
    'plain,1,12.5,"Smith, Jo",12.50,true,2024-01-02,2024-01-02 10:00:00',
    '#hash,3,30,,0.125,true,2024-03-04,',
    'changed,2,8.25,Lee,7,true,2024-02-03,2024-02-03 11:30:00.5',
    'new,6,44,Ng,44.5,false,2024-04-01,2024-04-01 08:00:00',
    'new,6,44,Ng,44.5,false,2024-04-01,2024-04-01 08:00:00',
  ].join('\n')}\n`,
};

/** The columns of `orders-feb.csv`: those of the other sources, in another order. */
const FEB_COLUMNS = [
  'note',
  'id',
  'amount',
  'customer',
  'price',
  'paid',
  'ordered_on',
  'shipped_at',
].map((name) => COLUMNS.find((c) => c.name === name) ?? { name, type: 'VARCHAR' });

/** A destination table the test creates (with one row) before the run, in each database. */
export interface ExistingTable {
  columns: { name: string; type: 'BIGINT' | 'VARCHAR' | 'DOUBLE' | 'TIMESTAMP' | 'INTEGER' }[];
  values: string;
}

/** One proof flow: source → processors → a table destination, and file exports. */
export interface ProofCase {
  name: string;
  table: string;
  existing?: ExistingTable;
  flow: FlowDocument;
  exports: string[];
  /** What the first export must read, where its row order is part of the proof. */
  firstExportMatches?: RegExp;
}

/** The processors run one after the other; the destination and exports read the last. */
function flowOf(
  sourcePath: string,
  processors: readonly Stage[],
  destination: Record<string, unknown>,
  exports: Stage[],
): FlowDocument {
  const format = sourcePath.split('.').at(-1);
  const ids = ['src', ...processors.map((p) => p.id)];
  const last = ids.at(-1) ?? 'src';
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: sourcePath,
        format,
        columns: COLUMNS,
      }),
      ...processors,
      stage('dest', 'table-destination', destination),
      ...exports,
    ],
    links: [
      ...ids.slice(1).map((id, i) => link(ids[i] ?? 'src', id)),
      link(last, 'dest'),
      ...exports.map((out) => link(last, out.id)),
    ],
  };
}

/**
 * `orders.csv` and a second source stacked by a union (its config given), then the processors
 * one after the other; the destination and exports read the last. Each source first drops its
 * BOOLEAN column, which MariaDB's UNION turns into numbers (the union stage warns of it there).
 */
function unionFlowOf(
  second: { path: string; columns: readonly { name: string; type: string }[] },
  union: Record<string, unknown>,
  rest: { processors: readonly Stage[]; destination: Record<string, unknown>; exports: Stage[] },
): FlowDocument {
  const unpaid = (id: string, columns: readonly { name: string }[]) =>
    stage(id, 'select-columns', {
      columns: columns.filter((c) => c.name !== 'paid').map((c) => ({ source: c.name })),
    });
  const chain = [unpaid('pick', COLUMNS), stage('both', 'union', union), ...rest.processors];
  const doc = flowOf('orders.csv', chain, rest.destination, rest.exports);
  const format = second.path.split('.').at(-1);
  const source = { externalStage: 'landing', path: second.path, format, columns: second.columns };
  const into = (from: string, port: string) => ({
    ...link(from, 'both'),
    target: { stageId: 'both', port },
  });
  return {
    ...doc,
    stages: [...doc.stages, stage('src2', 'file-source', source), unpaid('pick2', second.columns)],
    links: [
      ...doc.links.filter((l) => l.target.stageId !== 'both'),
      into('pick', 'first'),
      link('src2', 'pick2'),
      into('pick2', 'second'),
    ],
  };
}

const exportTo = (id: string, path: string, config: Record<string, unknown> = {}) =>
  stage(id, 'file-export', { externalStage: 'exports', path, format: 'csv', ...config });

/** The columns of customers.csv: `id` and `note` are also columns of the orders. */
const CUSTOMER_COLUMNS = [
  { name: 'customer', type: 'VARCHAR' },
  { name: 'id', type: 'BIGINT' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'note', type: 'VARCHAR' },
];

type JoinInput = 'orders' | 'customers';

/**
 * `left` joined with `right` (orders or customers) on the customer's name, into `table`. With
 * `ordersWithoutPaid`, the orders reach the join through a select-columns that drops their
 * BOOLEAN column `paid`, which MariaDB's full join, a union, turns into a number (the stage
 * warns so).
 */
function joinFlowOf(
  sides: { left: JoinInput; right: JoinInput },
  join: Record<string, unknown>,
  options: { table: string; ordersWithoutPaid?: boolean },
): FlowDocument {
  const source = (id: JoinInput) =>
    stage(id, 'file-source', {
      externalStage: 'landing',
      path: `${id}.csv`,
      format: 'csv',
      columns: id === 'orders' ? COLUMNS : CUSTOMER_COLUMNS,
    });
  const picked = options.ordersWithoutPaid
    ? [
        stage('orders_kept', 'select-columns', {
          columns: COLUMNS.filter((c) => c.name !== 'paid').map((c) => ({ source: c.name })),
        }),
      ]
    : [];
  const from = (id: JoinInput) => (id === 'orders' && picked.length > 0 ? 'orders_kept' : id);
  const into = (id: JoinInput, port: string) => ({
    id: `${id}-${port}`,
    source: { stageId: from(id), port: 'out' },
    target: { stageId: 'join', port },
  });
  return {
    schemaVersion: 1,
    stages: [
      source('orders'),
      source('customers'),
      ...picked,
      stage('join', 'join', { keys: [{ left: 'customer', right: 'customer' }], ...join }),
      stage('dest', 'table-destination', { table: options.table, mode: 'overwrite' }),
    ],
    links: [
      ...picked.map((p) => link('orders', p.id)),
      into(sides.left, 'left'),
      into(sides.right, 'right'),
      link('join', 'dest'),
    ],
  };
}

/**
 * CSV, TSV and JSON lines in; every processor; append and overwrite; CSV and JSON lines out.
 */
export const PROOF_CASES: ProofCase[] = [
  {
    name: 'CSV, filter, overwrite into a new table, CSV and JSON lines exports',
    table: 'proof_a',
    flow: flowOf(
      'orders.csv',
      [stage('big', 'filter', { condition: 'amount > 10' })],
      { table: 'proof_a', mode: 'overwrite' },
      [exportTo('out_csv', 'a.csv'), exportTo('out_jsonl', 'a.jsonl', { format: 'jsonl' })],
    ),
    exports: ['a.csv', 'a.jsonl'],
  },
  {
    name: 'TSV, select-columns, append to an existing table, JSON lines export',
    table: 'proof_b',
    existing: {
      columns: [
        { name: 'id', type: 'BIGINT' },
        { name: 'who', type: 'VARCHAR' },
        { name: 'amount', type: 'DOUBLE' },
        { name: 'shipped_at', type: 'TIMESTAMP' },
      ],
      values: "(0, 'seed', 0.5, '2023-01-01 00:00:00')",
    },
    flow: flowOf(
      'orders.tsv',
      [
        stage('pick', 'select-columns', {
          columns: [
            { source: 'id' },
            { source: 'customer', as: 'who' },
            { source: 'amount' },
            { source: 'shipped_at' },
          ],
        }),
      ],
      { table: 'proof_b', mode: 'append', createIfMissing: false },
      [exportTo('out_jsonl', 'b.jsonl', { format: 'jsonl' })],
    ),
    exports: ['b.jsonl'],
  },
  {
    name: 'JSON lines, filter, overwrite an existing table, CSV (own options) and JSON lines exports',
    table: 'proof_c',
    existing: { columns: [{ name: 'old', type: 'INTEGER' }], values: '(1)' },
    flow: flowOf(
      'orders.jsonl',
      [stage('paid', 'filter', { condition: 'paid OR paid IS NULL' })],
      { table: 'proof_c', mode: 'overwrite' },
      [
        exportTo('out_csv', 'c.csv', { delimiter: ';', escape: '\\', nullString: 'NULL' }),
        exportTo('out_jsonl', 'c.jsonl', { format: 'jsonl' }),
      ],
    ),
    exports: ['c.csv', 'c.jsonl'],
  },
  {
    name: 'CSV, sort with NULLs first then ascending, limit with an offset, ordered CSV export',
    table: 'proof_d',
    flow: flowOf(
      'orders.csv',
      [
        stage('sort', 'sort', {
          keys: [
            { column: 'paid', direction: 'desc', nulls: 'first' },
            { column: 'amount', direction: 'asc', nulls: 'last' },
          ],
        }),
        stage('top', 'limit', { count: 4, offset: 1 }),
      ],
      { table: 'proof_d', mode: 'overwrite' },
      [exportTo('out_csv', 'd.csv')],
    ),
    exports: ['d.csv'],
    // Sorted: 4 (paid NULL), then paid by amount: 1, 3, big; then unpaid: 2, 5. Skip 1, keep 4.
    firstExportMatches: /^id,[^\n]*\n1,[^\n]*\n3,[^\n]*\n9007199254740993,[^\n]*\n2,[^\n]*\n$/,
  },
  {
    name: 'Inner join: a key matching two rows, NULL keys matching nothing, clashing names prefixed',
    table: 'proof_join_inner',
    flow: joinFlowOf(
      { left: 'orders', right: 'customers' },
      { kind: 'inner' },
      { table: 'proof_join_inner' },
    ),
    exports: [],
  },
  {
    name: 'Left join: duplicate and NULL keys on the left, own prefixes, unmatched rows kept',
    table: 'proof_join_left',
    flow: joinFlowOf(
      { left: 'customers', right: 'orders' },
      { kind: 'left', leftPrefix: 'c_', rightPrefix: 'o_' },
      { table: 'proof_join_left' },
    ),
    exports: [],
  },
  {
    name: 'Full join (a rewrite on MariaDB): NULL keys on both sides, alike unmatched rows both kept',
    table: 'proof_join_full',
    flow: joinFlowOf(
      { left: 'orders', right: 'customers' },
      { kind: 'full' },
      { table: 'proof_join_full', ordersWithoutPaid: true },
    ),
    exports: [],
  },
  {
    name: 'CSV, aggregate per paid (NULL a group) with every function, sorted, CSV export',
    table: 'proof_e',
    flow: flowOf(
      'orders.csv',
      [
        stage('agg', 'aggregate', {
          groupBy: ['paid'],
          aggregates: [
            { fn: 'count', as: 'rows' },
            { fn: 'count', column: 'customer', as: 'named' },
            { fn: 'count-distinct', column: 'ordered_on', as: 'days' },
            { fn: 'sum', column: 'id', as: 'ids' },
            { fn: 'sum', column: 'amount', as: 'amount' },
            { fn: 'sum', column: 'price', as: 'price' },
            { fn: 'avg', column: 'id', as: 'mean_id' },
            { fn: 'avg', column: 'price', as: 'mean_price' },
            { fn: 'min', column: 'shipped_at', as: 'first_shipped' },
            { fn: 'max', column: 'ordered_on', as: 'last_ordered' },
          ],
        }),
        stage('sort', 'sort', { keys: [{ column: 'paid', direction: 'asc', nulls: 'first' }] }),
      ],
      { table: 'proof_e', mode: 'overwrite' },
      [exportTo('out_csv', 'e.csv')],
    ),
    exports: ['e.csv'],
    // NULL first, then false (2 and 5), then true (1, 3 and the big id, summed exactly).
    firstExportMatches:
      /^paid,[^\n]*\n,1,1,[^\n]*\nfalse,2,2,2,7,[^\n]*\ntrue,3,2,3,9007199254740997,/,
  },
  {
    name: 'CSV, union distinct by name of a month with reordered columns, sorted, CSV export',
    table: 'proof_f',
    flow: unionFlowOf(
      { path: 'orders-feb.csv', columns: FEB_COLUMNS },
      { keep: 'distinct', by: 'name' },
      {
        processors: [
          stage('sort', 'sort', {
            keys: [
              { column: 'id', direction: 'asc', nulls: 'last' },
              { column: 'amount', direction: 'asc', nulls: 'last' },
            ],
          }),
        ],
        destination: { table: 'proof_f', mode: 'overwrite' },
        exports: [exportTo('out_csv', 'f.csv')],
      },
    ),
    exports: ['f.csv'],
    // Rows 1 and 3 once, row 2 as each month has it, row 6 once: 8 rows, in the first's columns.
    firstExportMatches:
      /^id,customer,amount,[^\n]*\n1,[^\n]*\n2,Lee,7\.25,[^\n]*\n2,Lee,8\.25,[^\n]*\n3,[^\n]*\n4,[^\n]*\n5,[^\n]*\nline"\n6,Ng,44\.0,[^\n]*\n9007199254740993,[^\n]*\n$/,
  },
  {
    name: 'CSV and TSV, union all by position, aggregate per customer (NULL a group)',
    table: 'proof_g',
    flow: unionFlowOf(
      { path: 'orders.tsv', columns: COLUMNS },
      { keep: 'all', by: 'position' },
      {
        processors: [
          stage('agg', 'aggregate', {
            groupBy: ['customer'],
            aggregates: [
              { fn: 'count', as: 'rows' },
              { fn: 'sum', column: 'price', as: 'price' },
              { fn: 'max', column: 'amount', as: 'largest' },
            ],
          }),
        ],
        destination: { table: 'proof_g', mode: 'overwrite' },
        exports: [],
      },
    ),
    exports: [],
  },
  {
    name: 'CSV, deduplicate on a key holding NULL, keeping the last row by an order holding NULL',
    table: 'proof_h',
    flow: flowOf(
      'orders.csv',
      [
        stage('dedupe', 'deduplicate', {
          keys: ['paid'],
          keep: 'last',
          order: [{ column: 'shipped_at', direction: 'asc', nulls: 'last' }],
        }),
        stage('by_id', 'sort', { keys: [{ column: 'id', direction: 'asc', nulls: 'last' }] }),
      ],
      { table: 'proof_h', mode: 'overwrite' },
      [exportTo('out_csv', 'h.csv')],
    ),
    exports: ['h.csv'],
    // Paid: 1, big, then 3 (shipped_at NULL, last) → 3; unpaid: 2, 5 → 5; paid NULL: 4 alone.
    firstExportMatches: /^id,[^\n]*\n3,[^\n]*\n4,[^\n]*\n5,[^\n]*"multi\nline"\n$/,
  },
  {
    name: 'CSV and TSV, SQL transform joining its two inputs with GROUP BY, ordered CSV export',
    table: 'proof_i',
    flow: intoSqlTransform(
      flowOf(
        'orders.csv',
        [
          stage('sql', 'sql-transform', {
            sql: 'SELECT a.paid, count(*) AS orders, sum(b.price) AS total, max(b.customer) AS last_customer FROM a JOIN b ON a.id = b.id GROUP BY a.paid ORDER BY orders DESC, total',
          }),
        ],
        { table: 'proof_i', mode: 'overwrite' },
        [exportTo('out_csv', 'i.csv')],
      ),
      'orders.tsv',
    ),
    exports: ['i.csv'],
    // Ids 1-4 and the big one are in both files: paid 1, 3, big; unpaid 2; paid NULL 4.
    firstExportMatches:
      /^paid,orders,total,last_customer\ntrue,3,[^\n]*,"Smith, Jo"\nfalse,1,[^\n]*\n,1,[^\n]*\n$/,
  },
  {
    name: 'CSV, SQL transform labelling rows, deduplicate with ties on the order settled by the other columns',
    table: 'proof_j',
    flow: intoSqlTransform(
      flowOf(
        'orders.csv',
        [
          stage('sql', 'sql-transform', {
            sql: "SELECT id, paid, CASE WHEN amount > 10 THEN 'big' ELSE 'small' END AS size FROM a",
          }),
          stage('dedupe', 'deduplicate', {
            keys: ['size'],
            order: [{ column: 'paid', direction: 'desc', nulls: 'last' }],
          }),
          stage('by_id', 'sort', { keys: [{ column: 'id', direction: 'asc', nulls: 'last' }] }),
        ],
        { table: 'proof_j', mode: 'overwrite' },
        [exportTo('out_csv', 'j.csv')],
      ),
    ),
    exports: ['j.csv'],
    // Big: 1, 3 and the big one tie on paid (true), so the smallest id wins; small: 2 alone.
    firstExportMatches: /^id,paid,size\n1,true,big\n2,false,small\n$/,
  },
  {
    name: 'CSV, derive a typed total and replace a column, cast with NULL for what does not fit, CSV export',
    table: 'proof_k',
    flow: flowOf(
      'orders.csv',
      [
        stage('derive', 'derive', {
          columns: [
            {
              name: 'total',
              expression: 'amount * 2',
              type: { name: 'decimal', precision: 30, scale: 2 },
            },
            { name: 'note', expression: 'upper(note)' },
          ],
        }),
        stage('cast', 'cast', {
          columns: [
            { column: 'id', type: { name: 'text' } },
            { column: 'amount', type: { name: 'integer' } },
            { column: 'price', type: { name: 'decimal', precision: 10, scale: 2 } },
            { column: 'paid', type: { name: 'varchar', length: 5 } },
            { column: 'shipped_at', type: { name: 'date' } },
          ],
          onError: 'null',
        }),
      ],
      { table: 'proof_k', mode: 'overwrite' },
      [exportTo('out_csv', 'k.csv')],
    ),
    exports: ['k.csv'],
    // 12.5 rounds to even (12), 1e20 is past INTEGER and 99999999.9999999999 past (10, 2): NULL.
    firstExportMatches:
      /^id,customer,amount,price,paid,ordered_on,shipped_at,note,total\n1,"Smith, Jo",12,12.50,true,2024-01-02,2024-01-02,PLAIN,25.00\n[^]*\n9007199254740993,Big,,,true,2024-12-31,2024-12-31,TAB\tHERE,200000000000000000000.00\n$/,
  },
];

/**
 * The flow with its source linked into the SQL transform `sql` as input `a`, and `second` (a
 * file of the same columns), when given, as input `b`.
 */
function intoSqlTransform(doc: FlowDocument, second?: string): FlowDocument {
  const links = doc.links.map((l) =>
    l.target.stageId === 'sql' ? { ...l, target: { ...l.target, port: 'a' } } : l,
  );
  if (second === undefined) return { ...doc, links };
  const source = stage('src_b', 'file-source', {
    externalStage: 'landing',
    path: second,
    format: second.split('.').at(-1),
    columns: COLUMNS,
  });
  const intoB = {
    id: 'src_b-sql',
    source: { stageId: 'src_b', port: 'out' },
    target: { stageId: 'sql', port: 'b' },
  };
  return { ...doc, stages: [...doc.stages, source], links: [...links, intoB] };
}
