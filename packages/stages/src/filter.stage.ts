import { z } from 'zod';

import { defineStage } from './define-stage';
import { input } from './relational';

/** Settings of a filter: the SQL condition rows must meet. */
export const FilterConfigSchema = z.object({
  condition: z
    .string()
    .trim()
    .min(1, 'Write a condition, e.g. amount > 0.')
    .max(10_000, 'Conditions are at most 10,000 characters.'),
});
export type FilterConfig = z.infer<typeof FilterConfigSchema>;

/** Keeps the rows for which a SQL condition is true. */
export const filterStage = defineStage({
  type: 'filter',
  version: 1,
  category: 'processor',
  config: FilterConfigSchema,
  defaults: { condition: 'TRUE' },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Filter',
    description: 'Keeps the rows that meet a condition.',
    icon: 'Filter',
    fields: {
      condition: {
        widget: 'sql-expression',
        label: 'Condition',
        help: 'A SQL expression over the input columns; rows where it is not true are dropped.',
        placeholder: "amount > 0 AND country = 'NL'",
      },
    },
  },
  outputColumns: ({ inputs }) => inputs.in,
  compile: ({ config }) => ({
    op: 'filter',
    input: input('in'),
    condition: { kind: 'sql', sql: config.condition, path: ['condition'] },
  }),
  migrations: [],
});
