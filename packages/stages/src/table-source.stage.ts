import { z } from 'zod';

import { NameSchema } from './config-fields';
import { defineStage } from './define-stage';

/** Settings of a table source. An empty schema means the connection's current schema. */
export const TableSourceConfigSchema = z.object({
  table: NameSchema,
  schema: NameSchema.or(z.literal('')).optional(),
  /** A MatrixOne snapshot to read the table at; empty reads it as it is now. */
  snapshot: NameSchema.or(z.literal('')).optional(),
});
export type TableSourceConfig = z.infer<typeof TableSourceConfigSchema>;

/**
 * Reads a table of the target. Its columns and types come from the target's catalogue (the
 * editor asks for them as the table is picked, a run reads them again), never from the stage.
 */
export const tableSourceStage = defineStage({
  type: 'table-source',
  version: 1,
  category: 'origin',
  config: TableSourceConfigSchema,
  defaults: { table: 'orders' },
  ports: { inputs: [], outputs: ['out'] },
  ui: {
    label: 'Table source',
    description: 'Reads the rows of a database table, with its columns from the catalogue.',
    icon: 'TableExport',
    summary: (config) => (config.schema ? `${config.schema}.${config.table}` : config.table),
    fields: {
      table: {
        widget: 'table-picker',
        label: 'Table',
        help: "Pick a table of the target, or type its name; its columns come from the target's catalogue.",
      },
      schema: {
        widget: 'text',
        label: 'Schema',
        help: 'Leave empty for the default schema.',
      },
      snapshot: {
        widget: 'text',
        label: 'Snapshot',
        help: 'MatrixOne only: read the table as it was at this snapshot. Leave empty to read it as it is now.',
      },
    },
  },
  outputColumns: () => undefined,
  compile: ({ config }) => ({
    op: 'scan-table',
    table: config.schema ? { schema: config.schema, name: config.table } : { name: config.table },
    ...(config.snapshot ? { snapshot: config.snapshot } : {}),
  }),
  migrations: [],
});
