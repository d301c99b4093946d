import { z } from 'zod';

import { NameSchema } from './config-fields';
import { defineStage } from './define-stage';
import { EXECUTOR_PORTS, noColumns } from './executor-ports';

const OptionalName = NameSchema.or(z.literal('')).optional();

/**
 * Settings of a clone: a table (in a schema, or the default one) or a database, copied under a
 * new name, optionally as a MatrixOne snapshot holds it and into another MatrixOne account.
 */
export const CloneConfigSchema = z.object({
  what: z.enum(['table', 'database']),
  source: NameSchema,
  sourceSchema: OptionalName,
  target: NameSchema,
  targetSchema: OptionalName,
  snapshot: OptionalName,
  ifNotExists: z.boolean(),
  toAccount: OptionalName,
});
export type CloneConfig = z.infer<typeof CloneConfigSchema>;

const isDatabase = (config: CloneConfig) => config.what === 'database';
const qualified = (schema: string | undefined, name: string) =>
  schema ? { schema, name } : { name };

/**
 * Copies a table or a database once the stages linked into it succeeded and the run committed.
 * MatrixOne clones natively; other targets copy a table's rows (and, on MySQL and MariaDB, its
 * definition), and say what they cannot do.
 */
export const cloneStage = defineStage({
  type: 'clone',
  version: 1,
  category: 'executor',
  config: CloneConfigSchema,
  defaults: { what: 'table', source: 'orders', target: 'orders_copy', ifNotExists: false },
  ports: EXECUTOR_PORTS,
  ui: {
    label: 'Clone',
    description: 'Copies a table or a database under a new name, after the run commits.',
    icon: 'Copy',
    summary: (config) => `${config.source} → ${config.target}`,
    placement: () => 'after-commit',
    fields: {
      what: {
        widget: 'select',
        label: 'Clone',
        options: [
          { value: 'table', label: 'A table' },
          { value: 'database', label: 'A database (MatrixOne)' },
        ],
      },
      source: {
        widget: 'table-picker',
        label: 'From',
        help: 'The table or database to copy.',
      },
      sourceSchema: {
        widget: 'text',
        label: 'From schema',
        help: 'Leave empty for the default schema.',
        hiddenWhen: isDatabase,
      },
      target: { widget: 'text', label: 'To', help: 'The name of the copy.' },
      targetSchema: {
        widget: 'text',
        label: 'To schema',
        help: 'Leave empty for the default schema; another schema clones across databases.',
        hiddenWhen: isDatabase,
      },
      snapshot: {
        widget: 'text',
        label: 'At snapshot',
        help: 'MatrixOne only: copy the state this snapshot holds. Leave empty to copy it as it is now.',
      },
      ifNotExists: {
        widget: 'switch',
        label: 'Skip if the copy exists',
        help: 'When on, an existing copy is left as it is; when off, the run fails on it.',
      },
      toAccount: {
        widget: 'text',
        label: 'Into account',
        help: 'MatrixOne only, from the sys account and at a snapshot: make the copy in this account.',
      },
    },
  },
  outputColumns: noColumns,
  compile: ({ config }) => ({
    op: 'clone',
    what: config.what,
    source: isDatabase(config)
      ? { name: config.source }
      : qualified(config.sourceSchema, config.source),
    target: isDatabase(config)
      ? { name: config.target }
      : qualified(config.targetSchema, config.target),
    ...(config.snapshot ? { snapshot: config.snapshot } : {}),
    ifNotExists: config.ifNotExists,
    ...(config.toAccount ? { toAccount: config.toAccount } : {}),
  }),
  migrations: [],
});
