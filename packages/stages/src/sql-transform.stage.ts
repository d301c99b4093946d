import { z } from 'zod';

import type { RelationNode } from './relational';
import { defineStage } from './define-stage';
import { input } from './relational';

/** Settings of a SQL transform: one SELECT over its inputs. */
export const SqlTransformConfigSchema = z.object({
  sql: z
    .string()
    .trim()
    .min(1, 'Write a SELECT over the inputs, e.g. SELECT * FROM a.')
    .max(100_000, 'A SELECT is at most 100,000 characters.'),
});
export type SqlTransformConfig = z.infer<typeof SqlTransformConfigSchema>;

/** The input ports, which the SELECT reads as tables of these names; `b` may stay unlinked. */
const PORTS = ['a', 'b'] as const;

/**
 * One SELECT a person writes over the stage's inputs, reading each as a table named by its port
 * (`a`, and `b` when linked). The compiler checks it reads nothing else and derives its output
 * columns from its select list, so this stage declares none itself.
 */
export const sqlTransformStage = defineStage({
  type: 'sql-transform',
  version: 1,
  category: 'processor',
  config: SqlTransformConfigSchema,
  defaults: { sql: 'SELECT * FROM a' },
  ports: { inputs: PORTS, outputs: ['out'], optional: ['b'] },
  ui: {
    label: 'SQL transform',
    description: 'One SELECT over its inputs, named a and b by their ports.',
    icon: 'Sql',
    fields: {
      sql: {
        widget: 'sql-query',
        label: 'SELECT',
        help: 'One SELECT (WITH allowed) that reads its inputs as the tables a and, when linked, b. Name computed columns with AS so later stages know them.',
        placeholder: 'SELECT a.customer, count(*) AS orders\nFROM a\nGROUP BY a.customer',
      },
    },
  },
  outputColumns: () => undefined,
  compile: ({ config, inputs }) => ({
    op: 'user-select',
    inputs: Object.fromEntries(
      PORTS.filter((port) => Object.hasOwn(inputs, port)).map((port): [string, RelationNode] => [
        port,
        input(port),
      ]),
    ),
    sql: config.sql,
    path: ['sql'],
  }),
  migrations: [],
});
