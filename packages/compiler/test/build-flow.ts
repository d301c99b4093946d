import type { FlowDocument, Stage } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { TargetProfile } from '../src';

/** Targets the tests compile for, one per dialect and version gate. */
export const DUCKDB: TargetProfile = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.0' };
export const MARIADB: TargetProfile = { dialect: 'mysql', product: 'MariaDB', version: '10.11.6' };
export const MATRIXONE_3: TargetProfile = {
  dialect: 'matrixone',
  product: 'MatrixOne',
  version: '3.0.9',
};
export const MATRIXONE_4: TargetProfile = {
  dialect: 'matrixone',
  product: 'MatrixOne',
  version: '4.1.0',
};

/** A stage of a registered type at its current version with its defaults, overridden by `config`. */
export function stage(id: string, type: string, config: Record<string, unknown> = {}): Stage {
  const definition = getStage(type);
  return {
    id,
    type,
    typeVersion: definition?.version ?? 1,
    label: id,
    position: { x: 0, y: 0 },
    config: { ...definition?.defaults, ...config },
  };
}

/** A flow of these stages with links written as `from->to` (ports `out` and `in`). */
export function flow(stages: Stage[], links: string[]): FlowDocument {
  return {
    schemaVersion: 1,
    stages,
    links: links.map((text, i) => {
      const [from = '', to = ''] = text.split('->');
      return {
        id: `l${i + 1}`,
        source: { stageId: from, port: 'out' },
        target: { stageId: to, port: 'in' },
      };
    }),
  };
}

/** The columns the orders files of these flows declare. */
const ORDER_COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
];

/** Orders sorted by amount (largest first, NULLs last) then customer, keeping rows 2 and 3. */
export function sortedTopFlow(): FlowDocument {
  return flow(
    [
      stage('src', 'file-source', {
        path: 'orders.csv',
        columns: ORDER_COLUMNS,
      }),
      stage('sort', 'sort', {
        keys: [
          { column: 'amount', direction: 'desc', nulls: 'last' },
          { column: 'customer', direction: 'asc', nulls: 'first' },
        ],
      }),
      stage('top', 'limit', { count: 2, offset: 1 }),
      stage('dest', 'table-destination', { table: 'top' }),
    ],
    ['src->sort', 'sort->top', 'top->dest'],
  );
}

/**
 * Orders joined with customers on the customer's name (`customer` on both sides, so output once)
 * as `kind`; `id` is a column of both, so prefixed; `vip` is a BOOLEAN.
 */
export function joinFlow(kind: 'inner' | 'left' | 'right' | 'full'): FlowDocument {
  const doc = flow(
    [
      stage('orders', 'file-source', {
        path: 'orders.csv',
        columns: ORDER_COLUMNS,
      }),
      stage('customers', 'file-source', {
        path: 'customers.csv',
        columns: [
          { name: 'customer', type: 'VARCHAR' },
          { name: 'id', type: 'BIGINT' },
          { name: 'country', type: 'VARCHAR' },
          { name: 'vip', type: 'BOOLEAN' },
        ],
      }),
      stage('j', 'join', { kind, keys: [{ left: 'customer', right: 'customer' }] }),
      stage('dest', 'table-destination', { table: 'joined' }),
    ],
    ['j->dest'],
  );
  const into = (from: string, port: string) => ({
    id: `${from}->j`,
    source: { stageId: from, port: 'out' },
    target: { stageId: 'j', port },
  });
  return { ...doc, links: [into('orders', 'left'), into('customers', 'right'), ...doc.links] };
}

/** Orders per country (NULL a group of its own): rows, customers, units, revenue, mean, extremes. */
export function perCountryFlow(): FlowDocument {
  return flow(
    [
      stage('src', 'file-source', {
        path: 'orders.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'customer', type: 'VARCHAR' },
          { name: 'country', type: 'VARCHAR' },
          { name: 'qty', type: 'INTEGER' },
          { name: 'amount', type: 'DOUBLE' },
        ],
      }),
      stage('agg', 'aggregate', {
        groupBy: ['country'],
        aggregates: [
          { fn: 'count', as: 'rows' },
          { fn: 'count-distinct', column: 'customer', as: 'customers' },
          { fn: 'sum', column: 'qty', as: 'units' },
          { fn: 'sum', column: 'amount', as: 'revenue' },
          { fn: 'avg', column: 'qty', as: 'mean_qty' },
          { fn: 'min', column: 'amount', as: 'smallest' },
          { fn: 'max', column: 'customer', as: 'last' },
        ],
      }),
      stage('dest', 'table-destination', { table: 'per_country' }),
    ],
    ['src->agg', 'agg->dest'],
  );
}

/**
 * Two sources stacked by a union with this config, then the `after` stages one after the other,
 * written to `table` (`orders` when not given).
 */
export function unionFlow(
  first: Stage,
  second: Stage,
  options: { union?: Record<string, unknown>; after?: Stage[]; table?: string } = {},
): FlowDocument {
  const { union = {}, after = [], table = 'orders' } = options;
  const chain = ['both', ...after.map((s) => s.id), 'dest'];
  const into = (from: string, port: string) => ({
    id: `${from}-${port}`,
    source: { stageId: from, port: 'out' },
    target: { stageId: 'both', port },
  });
  const doc = flow(
    [
      first,
      second,
      stage('both', 'union', union),
      ...after,
      stage('dest', 'table-destination', { table }),
    ],
    chain.slice(1).map((id, i) => `${chain[i] ?? ''}->${id}`),
  );
  return { ...doc, links: [into(first.id, 'first'), into(second.id, 'second'), ...doc.links] };
}

/**
 * Two months of orders, the second with its columns in another order, stacked by name into one
 * table; `keep` decides whether the rows both months hold are kept twice.
 */
export function twoMonthsFlow(keep: 'all' | 'distinct'): FlowDocument {
  const columns = (names: string[]) =>
    names.map((name) => ({ name, type: name === 'customer' ? 'VARCHAR' : 'BIGINT' }));
  return unionFlow(
    stage('jan', 'file-source', { path: 'jan.csv', columns: columns(['id', 'customer', 'qty']) }),
    stage('feb', 'file-source', { path: 'feb.csv', columns: columns(['qty', 'id', 'customer']) }),
    { union: { keep } },
  );
}

/**
 * Orders deduplicated on customer, keeping the largest amount (NULLs last) or, with `last`, the
 * smallest.
 */
export function dedupedFlow(keep: 'first' | 'last' = 'first'): FlowDocument {
  return flow(
    [
      ordersSource('src'),
      stage('dedupe', 'deduplicate', {
        keys: ['customer'],
        keep,
        order: [{ column: 'amount', direction: 'desc', nulls: 'last' }],
      }),
      stage('dest', 'table-destination', { table: 'deduped' }),
    ],
    ['src->dedupe', 'dedupe->dest'],
  );
}

/**
 * Orders (`a`) and, unless `only` is set, customers (`b`) into a SQL transform running `sql`,
 * written to table `report`.
 */
export function transformFlow(sql: string, only?: 'a'): FlowDocument {
  const customers = stage('customers', 'file-source', {
    path: 'customers.csv',
    columns: [
      { name: 'name', type: 'VARCHAR' },
      { name: 'country', type: 'VARCHAR' },
    ],
  });
  const into = (from: string, port: string) => ({
    id: `${from}-${port}`,
    source: { stageId: from, port: 'out' },
    target: { stageId: 'sql', port },
  });
  return {
    schemaVersion: 1,
    stages: [
      ordersSource('orders'),
      ...(only === undefined ? [customers] : []),
      stage('sql', 'sql-transform', { sql }),
      stage('dest', 'table-destination', { table: 'report' }),
    ],
    links: [
      into('orders', 'a'),
      ...(only === undefined ? [into('customers', 'b')] : []),
      {
        id: 'sql-dest',
        source: { stageId: 'sql', port: 'out' },
        target: { stageId: 'dest', port: 'in' },
      },
    ],
  };
}

/** Revenue per country: orders joined to customers by name, grouped, largest first. */
export const REVENUE_SQL =
  'SELECT b.country, count(*) AS orders, sum(a.amount) AS revenue FROM a JOIN b ON a.customer = b.name GROUP BY b.country ORDER BY revenue DESC';

/** `orders.csv` from the samples, with an id, a customer and an amount. */
function ordersSource(id: string): Stage {
  return stage(id, 'file-source', {
    path: 'orders.csv',
    columns: [
      { name: 'id', type: 'BIGINT' },
      { name: 'customer', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
    ],
  });
}

/**
 * Orders whose quantity and paid flag arrive as text: a cast types them (and the price, and
 * writes the order date as text), then a derive adds a typed total and replaces the quantity.
 */
export function castDeriveFlow(onError: 'fail' | 'null'): FlowDocument {
  return flow(
    [
      stage('src', 'file-source', {
        path: 'orders.csv',
        columns: [
          { name: 'qty', type: 'VARCHAR' },
          { name: 'price', type: 'DOUBLE' },
          { name: 'paid', type: 'VARCHAR' },
          { name: 'placed', type: 'DATE' },
        ],
      }),
      stage('cast', 'cast', {
        columns: [
          { column: 'qty', type: { name: 'integer' } },
          { column: 'price', type: { name: 'decimal', precision: 10, scale: 2 } },
          { column: 'paid', type: { name: 'boolean' } },
          { column: 'placed', type: { name: 'text' } },
        ],
        onError,
      }),
      stage('derive', 'derive', {
        columns: [
          {
            name: 'total',
            expression: 'qty * price',
            type: { name: 'decimal', precision: 12, scale: 2 },
          },
          { name: 'qty', expression: 'qty + 1' },
        ],
      }),
      stage('dest', 'table-destination', { table: 'typed' }),
    ],
    ['src->cast', 'cast->derive', 'derive->dest'],
  );
}
