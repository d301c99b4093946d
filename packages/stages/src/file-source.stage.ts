import { z } from 'zod';

import {
  ColumnDefSchema,
  CSV_DEFAULTS,
  csvFields,
  ExternalStageNameSchema,
  RelativePathSchema,
  reportDelimiterClash,
  reportDuplicateNames,
} from './config-fields';
import { defineStage } from './define-stage';

/** Settings of a file source: which file, how it is delimited, and optionally its columns. */
export const FileSourceConfigSchema = z
  .object({
    externalStage: ExternalStageNameSchema,
    path: RelativePathSchema,
    ...csvFields,
    skipLines: z.number().int('Enter a whole number.').min(0).max(1_000_000),
    /** Empty means the columns are detected from the file when the flow runs. */
    columns: z.array(ColumnDefSchema).max(1000),
  })
  .superRefine((config, ctx) => {
    reportDelimiterClash(config, ctx);
    reportDuplicateNames(
      config.columns.map((c) => c.name),
      ctx,
      (i) => ['columns', i, 'name'],
    );
  });
export type FileSourceConfig = z.infer<typeof FileSourceConfigSchema>;

/** Reads a delimited text file from an external stage. */
export const fileSourceStage = defineStage({
  type: 'file-source',
  version: 1,
  category: 'origin',
  config: FileSourceConfigSchema,
  defaults: {
    externalStage: 'samples',
    path: 'orders.csv',
    ...CSV_DEFAULTS,
    skipLines: 0,
    columns: [],
  },
  ports: { inputs: [], outputs: ['out'] },
  ui: {
    label: 'File source',
    description: 'Reads a CSV file from an external stage.',
    icon: 'FileImport',
    fields: {
      externalStage: {
        widget: 'external-stage',
        label: 'External stage',
        help: 'The storage location the file lives in.',
      },
      path: {
        widget: 'file-path',
        label: 'File path',
        help: 'Relative to the external stage, e.g. sales/2024/orders.csv.',
      },
      header: { widget: 'switch', label: 'First line is a header' },
      delimiter: { widget: 'char', label: 'Delimiter', help: 'Separates fields, e.g. "," or tab.' },
      quote: { widget: 'char', label: 'Quote', help: 'Encloses fields that contain delimiters.' },
      escape: {
        widget: 'char',
        label: 'Escape',
        help: 'Precedes a quote inside a quoted field; usually the quote itself.',
      },
      skipLines: {
        widget: 'number',
        label: 'Lines to skip',
        help: 'Lines ignored at the top of the file, before the header.',
      },
      nullString: {
        widget: 'text',
        label: 'Null value',
        help: 'Fields equal to this text become NULL. Empty means empty fields are NULL.',
      },
      columns: {
        widget: 'column-schema',
        label: 'Columns',
        help: 'Leave empty to detect names and types from the file when the flow runs.',
      },
    },
  },
  outputColumns: ({ config }) => (config.columns.length > 0 ? config.columns : undefined),
  compile: ({ config }) => ({
    kind: 'load-file',
    file: { externalStage: config.externalStage, path: config.path },
    format: {
      kind: 'csv',
      header: config.header,
      delimiter: config.delimiter,
      quote: config.quote,
      escape: config.escape,
      skipLines: config.skipLines,
      nullString: config.nullString,
    },
    columns: config.columns,
  }),
  migrations: [],
});
