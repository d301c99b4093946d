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
