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

/** Orders sorted by amount (largest first, NULLs last) then customer, keeping rows 2 and 3. */
export function sortedTopFlow(): FlowDocument {
  return flow(
    [
      ordersSource('src'),
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
