import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';

import { sameColumnName, unknownColumn } from './column-names';
import { NameSchema } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** One sort key: an input column, its direction and where its NULLs go. */
export const SortKeyConfigSchema = z.object({
  column: NameSchema,
  direction: z.enum(['asc', 'desc']),
  nulls: z.enum(['first', 'last']),
});

/** Settings of a sort: keys in priority order. An empty list keeps the input order. */
export const SortConfigSchema = z.object({ keys: z.array(SortKeyConfigSchema).max(100) });
export type SortConfig = z.infer<typeof SortConfigSchema>;

/**
 * Orders rows by one or more input columns. NULLs go where the key says on every target, since
 * the targets' own defaults differ (DuckDB puts them last, MySQL first in ascending order).
 */
export const sortStage = defineStage({
  type: 'sort',
  version: 1,
  category: 'processor',
  config: SortConfigSchema,
  defaults: { keys: [] },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Sort',
    description: 'Orders rows by one or more columns.',
    icon: 'ArrowsSort',
    fields: {
      keys: {
        widget: 'sort-keys',
        label: 'Sort by',
        help: 'Input columns in priority order, each ascending or descending, NULLs first or last. Empty keeps the input order.',
      },
    },
  },
  outputColumns: ({ inputs }) => inputs.in,
  check: ({ stageId, config, inputs }) => {
    const available = inputs.in?.map((c) => c.name);
    if (!available) return [];
    const found: Diagnostic[] = [];
    config.keys.forEach((key, i) => {
      if (available.some((name) => sameColumnName(name, key.column))) return;
      found.push(unknownColumn(key.column, available, { stageId, path: ['keys', i, 'column'] }));
    });
    return found;
  },
  compile: ({ config }) =>
    config.keys.length === 0
      ? input('in')
      : {
          op: 'sort',
          input: input('in'),
          keys: config.keys.map((key, i) => ({
            expr: { kind: 'column', name: key.column, path: ['keys', i, 'column'] },
            direction: key.direction,
            nulls: key.nulls,
          })),
        },
  migrations: [],
});
