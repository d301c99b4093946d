import { z } from 'zod';

import { defineStage } from './define-stage';

/** Settings of a SQL query origin: one SELECT over the target's tables. */
export const SqlQueryConfigSchema = z.object({
  sql: z
    .string()
    .trim()
    .min(1, 'Write a SELECT over tables of the target, e.g. SELECT * FROM orders.')
    .max(100_000, 'A SELECT is at most 100,000 characters.'),
});
export type SqlQueryConfig = z.infer<typeof SqlQueryConfigSchema>;

/**
 * One SELECT a person writes over the target's own tables. The compiler checks it is one
 * SELECT that reads and names nothing of Sluice's; its columns are the target's answer to the
 * SELECT with no rows, so this stage declares none.
 */
export const sqlQueryStage = defineStage({
  type: 'sql-query',
  version: 1,
  category: 'origin',
  config: SqlQueryConfigSchema,
  defaults: { sql: 'SELECT * FROM orders' },
  ports: { inputs: [], outputs: ['out'] },
  ui: {
    label: 'SQL query',
    description: "One SELECT over the database's tables.",
    icon: 'DatabaseSearch',
    fields: {
      sql: {
        widget: 'target-query',
        label: 'SELECT',
        help: "One SELECT (WITH allowed) over tables of the target. Its columns are the ones the database gives the SELECT; name computed columns with AS. Sluice's own schema cannot be read.",
        placeholder: 'SELECT customer, sum(amount) AS total\nFROM orders\nGROUP BY customer',
      },
    },
  },
  outputColumns: () => undefined,
  compile: ({ config }) => ({ op: 'target-select', sql: config.sql, path: ['sql'] }),
  migrations: [],
});
