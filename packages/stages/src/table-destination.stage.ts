import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';
import { diagnostic, DONE_PORT } from '@sluice/flow';

import { sameColumnName, unknownColumn } from './column-names';
import { NameSchema, reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** Settings of a table destination. An empty schema means the connection's current schema. */
export const TableDestinationConfigSchema = z
  .object({
    table: NameSchema,
    schema: NameSchema.or(z.literal('')).optional(),
    mode: z.enum(['append', 'overwrite', 'upsert']),
    /** The columns that identify a row for an upsert; other modes ignore them. */
    keys: z.array(NameSchema).max(100),
    createIfMissing: z.boolean(),
  })
  .superRefine((config, ctx) => {
    reportDuplicateNames(config.keys, ctx, (i) => ['keys', i]);
    if (config.mode === 'upsert' && config.keys.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys'],
        message:
          'Pick the key columns that identify a row; an upsert updates the row with the same keys.',
      });
    }
  });
export type TableDestinationConfig = z.infer<typeof TableDestinationConfigSchema>;

/** Writes its input into a database table. */
export const tableDestinationStage = defineStage({
  type: 'table-destination',
  version: 2,
  category: 'destination',
  config: TableDestinationConfigSchema,
  defaults: { table: 'output', mode: 'append', keys: [], createIfMissing: true },
  ports: { inputs: ['in'], outputs: [DONE_PORT] },
  ui: {
    label: 'Table',
    description: 'Writes rows into a database table.',
    icon: 'Table',
    summary: (config) => (config.schema ? `${config.schema}.${config.table}` : config.table),
    fields: {
      table: {
        widget: 'table-picker',
        label: 'Table',
        help: 'Pick a table of the target, or type the name of a new one; it is quoted for you.',
      },
      schema: {
        widget: 'text',
        label: 'Schema',
        help: 'Leave empty for the default schema.',
      },
      mode: {
        widget: 'select',
        label: 'Write mode',
        help: "Append adds this run's rows to the rows already in the table, so each run adds them again. Overwrite replaces the table's rows with this run's result; the table keeps its keys, indexes and column types when it has every column of the result, and is made anew from the result otherwise. Upsert updates the rows whose key columns match a row of this run and adds the others.",
        options: [
          { value: 'append', label: 'Append' },
          { value: 'overwrite', label: 'Overwrite' },
          { value: 'upsert', label: 'Upsert on keys' },
        ],
      },
      keys: {
        widget: 'column-list',
        label: 'Key columns',
        help: 'The columns that identify a row. The table needs a primary or unique key on exactly these columns; a table the run creates gets them as its primary key. Give each key once per run (a Deduplicate stage before this one makes sure): which of several rows with one key wins is up to the target.',
        hiddenWhen: (config) => config.mode !== 'upsert',
      },
      createIfMissing: {
        widget: 'switch',
        label: 'Create the table if it is missing',
        help: 'When off, the run fails if the table does not exist.',
      },
    },
  },
  outputColumns: () => [],
  check: ({ stageId, config, inputs }) => {
    const available = inputs.in?.map((c) => c.name);
    if (config.mode !== 'upsert' || !available) return [];
    const unknown = config.keys.flatMap((key, i): Diagnostic[] =>
      available.some((name) => sameColumnName(name, key))
        ? []
        : [unknownColumn(key, available, { stageId, path: ['keys', i] })],
    );
    if (unknown.length > 0 || config.keys.length < available.length) return unknown;
    return [
      diagnostic(
        'invalid-config',
        {
          message:
            'Every column is a key column, so an upsert has nothing to update: use Append, or leave a column out of the keys.',
        },
        { stageId, path: ['keys'] },
      ),
    ];
  },
  compile: ({ config }) => ({
    op: 'write-table',
    input: input('in'),
    table: config.schema ? { schema: config.schema, name: config.table } : { name: config.table },
    mode: config.mode,
    ...(config.mode === 'upsert' ? { keys: config.keys } : {}),
    createIfMissing: config.createIfMissing,
  }),
  migrations: [{ from: 1, up: (config) => ({ ...config, keys: [] }) }],
});
