import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';

import { sameColumnName, unknownColumn } from './column-names';
import { NameSchema, reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** One kept column: its input name and, optionally, a new name. An empty `as` keeps the name. */
export const ColumnMappingSchema = z.object({
  source: NameSchema,
  as: NameSchema.or(z.literal('')).optional(),
});

/** The output name of a mapping: `as` when given, the input name otherwise. */
export function mappedName(mapping: z.infer<typeof ColumnMappingSchema>): string {
  return mapping.as !== undefined && mapping.as !== '' ? mapping.as : mapping.source;
}

/** Settings of select columns. An empty list passes every column through unchanged. */
export const SelectColumnsConfigSchema = z
  .object({ columns: z.array(ColumnMappingSchema).max(1000) })
  .superRefine((config, ctx) => {
    reportDuplicateNames(config.columns.map(mappedName), ctx, (i) => [
      'columns',
      i,
      config.columns[i]?.as ? 'as' : 'source',
    ]);
  });
export type SelectColumnsConfig = z.infer<typeof SelectColumnsConfigSchema>;

/** Keeps, reorders and renames columns. */
export const selectColumnsStage = defineStage({
  type: 'select-columns',
  version: 1,
  category: 'processor',
  config: SelectColumnsConfigSchema,
  defaults: { columns: [] },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Select columns',
    description: 'Keeps, reorders and renames columns.',
    icon: 'Columns',
    fields: {
      columns: {
        widget: 'column-mappings',
        label: 'Columns',
        help: 'The columns to keep, in output order, with an optional new name. Empty keeps all.',
      },
    },
  },
  outputColumns: ({ config, inputs }) => {
    const input = inputs.in;
    if (config.columns.length === 0) return input;
    return config.columns.map((mapping) => {
      const type = input?.find((c) => sameColumnName(c.name, mapping.source))?.type;
      return type ? { name: mappedName(mapping), type } : { name: mappedName(mapping) };
    });
  },
  check: ({ stageId, config, inputs }) => {
    const input = inputs.in;
    if (!input) return [];
    const available = input.map((c) => c.name);
    const found: Diagnostic[] = [];
    config.columns.forEach((mapping, i) => {
      if (available.some((name) => sameColumnName(name, mapping.source))) return;
      found.push(
        unknownColumn(mapping.source, available, { stageId, path: ['columns', i, 'source'] }),
      );
    });
    return found;
  },
  compile: ({ config }) =>
    config.columns.length === 0
      ? input('in')
      : {
          op: 'project',
          input: input('in'),
          columns: config.columns.map((mapping, i) => ({
            expr: { kind: 'column', name: mapping.source, path: ['columns', i, 'source'] },
            as: mappedName(mapping),
          })),
        },
  migrations: [],
});
