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
      stage('src', 'file-source', {
        path: 'orders.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'customer', type: 'VARCHAR' },
          { name: 'amount', type: 'DOUBLE' },
        ],
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
