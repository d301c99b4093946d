import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';

import type { SortKey } from './relational';
import { sameColumnName, unknownColumn } from './column-names';
import { NameSchema, reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';
import { SortKeyConfigSchema } from './sort.stage';

/** Settings of a deduplicate: the key columns, which row of each key to keep, and by what order. */
export const DeduplicateConfigSchema = z
  .object({
    keys: z.array(NameSchema).max(100),
    keep: z.enum(['first', 'last']),
    order: z.array(SortKeyConfigSchema).max(100),
  })
  .superRefine((config, ctx) => {
    reportDuplicateNames(config.keys, ctx, (i) => ['keys', i]);
  });
export type DeduplicateConfig = z.infer<typeof DeduplicateConfigSchema>;

type OrderKey = DeduplicateConfig['order'][number];

const KEEP_OPTIONS = [
  { value: 'first', label: 'The first row in the order' },
  { value: 'last', label: 'The last row in the order' },
];

/**
 * Keeps one row per key: the first (or last) in the order. The order is completed with every
 * other input column, ascending with NULLs first, so the row kept is the same on every target even
 * when order values tie or no order is given. Without keys, rows that are identical in every
 * column are kept once.
 */
export const deduplicateStage = defineStage({
  type: 'deduplicate',
  version: 1,
  category: 'processor',
  config: DeduplicateConfigSchema,
  defaults: { keys: [], keep: 'first', order: [] },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Deduplicate',
    description: 'Keeps one row per key, the first or last in an order.',
    icon: 'CopyOff',
    fields: {
      keys: {
        widget: 'column-list',
        label: 'Key columns',
        help: 'Rows with the same values in these columns (NULLs count as equal) are one key. Empty: rows identical in every column.',
      },
      keep: {
        widget: 'select',
        label: 'Keep',
        options: KEEP_OPTIONS,
        hiddenWhen: (config) => config.keys.length === 0,
      },
      order: {
        widget: 'sort-keys',
        label: 'Order',
        help: 'Which row of each key comes first. Ties, and an empty order, are settled by the other columns in input order, ascending with NULLs first.',
        hiddenWhen: (config) => config.keys.length === 0,
      },
    },
  },
  outputColumns: ({ inputs }) => inputs.in,
  check: ({ stageId, config, inputs }) => {
    const available = inputs.in?.map((c) => c.name);
    if (!available) return [];
    const unknown = (column: string, path: (string | number)[]): Diagnostic[] =>
      available.some((name) => sameColumnName(name, column))
        ? []
        : [unknownColumn(column, available, { stageId, path })];
    return [
      ...config.keys.flatMap((key, i) => unknown(key, ['keys', i])),
      ...config.order.flatMap((key, i) => unknown(key.column, ['order', i, 'column'])),
    ];
  },
  compile: ({ config, inputs }) => {
    const columns = inputs.in?.map((c) => c.name);
    if (config.keys.length === 0) {
      return { op: 'distinct-on', input: input('in'), keys: [], order: [] };
    }
    const ordered = [...config.keys, ...config.order.map((key) => key.column)];
    const tieBreakers = (columns ?? [])
      .filter((name) => !ordered.some((taken) => sameColumnName(taken, name)))
      .map((column): OrderKey => ({ column, direction: 'asc', nulls: 'first' }));
    const order: SortKey[] = [
      ...config.order.map((key, i) => sortKey(key, ['order', i, 'column'])),
      ...tieBreakers.map((key) => sortKey(key, ['order'])),
    ].map((key) => (config.keep === 'last' ? reversed(key) : key));
    return {
      op: 'distinct-on',
      input: input('in'),
      keys: config.keys.map((name, i) => ({ kind: 'column', name, path: ['keys', i] })),
      order,
      ...(columns ? { columns } : {}),
    };
  },
  migrations: [],
});

function sortKey(key: OrderKey, path: (string | number)[]): SortKey {
  return {
    expr: { kind: 'column', name: key.column, path },
    direction: key.direction,
    nulls: key.nulls,
  };
}

/** The last row in an order is the first in the order reversed, NULL placement included. */
function reversed(key: SortKey): SortKey {
  return {
    ...key,
    direction: key.direction === 'asc' ? 'desc' : 'asc',
    nulls: key.nulls === 'first' ? 'last' : 'first',
  };
}
