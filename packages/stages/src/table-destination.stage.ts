import { z } from 'zod';

import { NameSchema } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** Settings of a table destination. An empty schema means the connection's current schema. */
export const TableDestinationConfigSchema = z.object({
  table: NameSchema,
  schema: NameSchema.or(z.literal('')).optional(),
  mode: z.enum(['append', 'overwrite']),
  createIfMissing: z.boolean(),
});
export type TableDestinationConfig = z.infer<typeof TableDestinationConfigSchema>;

/** Writes its input into a database table. */
export const tableDestinationStage = defineStage({
  type: 'table-destination',
  version: 1,
  category: 'destination',
  config: TableDestinationConfigSchema,
  defaults: { table: 'output', mode: 'append', createIfMissing: true },
  ports: { inputs: ['in'], outputs: [] },
  ui: {
    label: 'Table',
    description: 'Writes rows into a database table.',
    icon: 'Table',
    summary: (config) => (config.schema ? `${config.schema}.${config.table}` : config.table),
    fields: {
      table: { widget: 'table-name', label: 'Table', help: 'Any name; it is quoted for you.' },
      schema: {
        widget: 'text',
        label: 'Schema',
        help: 'Leave empty for the default schema.',
      },
      mode: {
        widget: 'select',
        label: 'Write mode',
        help: "Append adds this run's rows to the rows already in the table, so each run adds them again. Overwrite replaces the table's rows and columns with this run's result.",
        options: [
          { value: 'append', label: 'Append' },
          { value: 'overwrite', label: 'Overwrite' },
        ],
      },
      createIfMissing: {
        widget: 'switch',
        label: 'Create the table if it is missing',
        help: 'When off, the run fails if the table does not exist.',
      },
    },
  },
  outputColumns: () => [],
  compile: ({ config }) => ({
    op: 'write-table',
    input: input('in'),
    table: config.schema ? { schema: config.schema, name: config.table } : { name: config.table },
    mode: config.mode,
    createIfMissing: config.createIfMissing,
  }),
  migrations: [],
});
