import { z } from 'zod';

import { diagnostic } from '@sluice/flow';

import { defineStage } from './define-stage';
import { EXECUTOR_PORTS, noColumns } from './executor-ports';

const PLACEMENTS = ['inside', 'after-commit'] as const;

/**
 * Settings of a SQL statement: the statement, and where it runs, which has no default since
 * each choice does something different to a run that fails (`check` asks for it).
 */
export const SqlStatementConfigSchema = z.object({
  sql: z
    .string()
    .trim()
    .min(1, 'Write the statement to run.')
    .max(100_000, 'A statement is at most 100,000 characters.'),
  runs: z.enum(PLACEMENTS).optional(),
});
export type SqlStatementConfig = z.infer<typeof SqlStatementConfigSchema>;

/**
 * One statement a person writes (an UPDATE, a GRANT, a CALL, …), run after the stages linked
 * into it. The compiler checks it is one statement that does not name Sluice's metadata schema.
 */
export const sqlStatementStage = defineStage({
  type: 'sql-statement',
  version: 1,
  category: 'executor',
  config: SqlStatementConfigSchema,
  defaults: { sql: 'UPDATE orders SET amount = 0 WHERE amount < 0' },
  example: { sql: 'UPDATE orders SET amount = 0 WHERE amount < 0', runs: 'inside' },
  ports: EXECUTOR_PORTS,
  ui: {
    label: 'SQL statement',
    description: 'Runs one statement you write, after the stages linked into it.',
    icon: 'Terminal2',
    summary: (config) => config.sql.split('\n')[0],
    placement: (config) => config.runs,
    fields: {
      sql: {
        // The SQL editor with the target's tables to complete; `${name}` takes a parameter.
        widget: 'target-query',
        label: 'Statement',
        help: "One statement, without a closing semicolon or comments. It may not name Sluice's own schema.",
        placeholder: "UPDATE orders SET status = 'loaded' WHERE status IS NULL",
      },
      runs: {
        widget: 'select',
        label: 'Runs',
        help: "Inside the run's transaction: a later failure undoes it with the run's writes (on MySQL and MariaDB a statement that changes tables commits by itself, so keep it to rows). After the run commits: it runs only when everything else succeeded, and a failure of its own leaves the run's writes in place.",
        options: [
          { value: 'inside', label: "Inside the run's transaction" },
          { value: 'after-commit', label: 'After the run commits' },
        ],
      },
    },
  },
  outputColumns: noColumns,
  check: ({ stageId, config }) =>
    config.runs === undefined
      ? [
          diagnostic(
            'invalid-config',
            {
              message:
                "Choose where the statement runs: inside the run's transaction, or after it commits.",
            },
            { stageId, path: ['runs'] },
          ),
        ]
      : [],
  compile: ({ config }) => ({
    op: 'sql-statement',
    sql: config.sql,
    path: ['sql'],
    runs: config.runs ?? 'after-commit',
  }),
  migrations: [],
});
