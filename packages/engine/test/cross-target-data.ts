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
};

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

const exportTo = (id: string, path: string, config: Record<string, unknown> = {}) =>
  stage(id, 'file-export', { externalStage: 'exports', path, format: 'csv', ...config });

/**
 * CSV and TSV and JSON lines in; filter, select-columns, sort, limit, derive and cast; append and
 * overwrite; CSV and JSON lines out.
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
    name: 'CSV, derive a typed total and replace a column, cast with NULL for what does not fit, CSV export',
    table: 'proof_e',
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
      { table: 'proof_e', mode: 'overwrite' },
      [exportTo('out_csv', 'e.csv')],
    ),
    exports: ['e.csv'],
    // 12.5 rounds to even (12), 1e20 is past INTEGER and 99999999.9999999999 past (10, 2): NULL.
    firstExportMatches:
      /^id,customer,amount,price,paid,ordered_on,shipped_at,note,total\n1,"Smith, Jo",12,12.50,true,2024-01-02,2024-01-02,PLAIN,25.00\n[^]*\n9007199254740993,Big,,,true,2024-12-31,2024-12-31,TAB\tHERE,200000000000000000000.00\n$/,
  },
];
