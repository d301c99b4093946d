import { z } from 'zod';

import {
  CSV_DEFAULTS,
  csvFields,
  ExternalStageNameSchema,
  RelativePathSchema,
  reportDelimiterClash,
} from './config-fields';
import { defineStage } from './define-stage';

/** Settings of a file export: where the file goes and how it is delimited. */
export const FileExportConfigSchema = z
  .object({ externalStage: ExternalStageNameSchema, path: RelativePathSchema, ...csvFields })
  .superRefine(reportDelimiterClash);
export type FileExportConfig = z.infer<typeof FileExportConfigSchema>;

/** Writes its input as a CSV file into an external stage, replacing the file on success. */
export const fileExportStage = defineStage({
  type: 'file-export',
  version: 1,
  category: 'destination',
  config: FileExportConfigSchema,
  defaults: { externalStage: 'exports', path: 'output.csv', ...CSV_DEFAULTS },
  ports: { inputs: ['in'], outputs: [] },
  ui: {
    label: 'File export',
    description: 'Writes rows as a CSV file into an external stage.',
    icon: 'FileExport',
    fields: {
      externalStage: {
        widget: 'external-stage',
        label: 'External stage',
        help: 'The storage location the file is written to.',
      },
      path: {
        widget: 'file-path',
        label: 'File path',
        help: 'Relative to the external stage. An existing file is replaced when the run succeeds.',
      },
      header: { widget: 'switch', label: 'Write a header line' },
      delimiter: { widget: 'char', label: 'Delimiter' },
      quote: { widget: 'char', label: 'Quote' },
      escape: { widget: 'char', label: 'Escape' },
      nullString: {
        widget: 'text',
        label: 'Null value',
        help: 'Written for NULL fields. Empty writes an empty field.',
      },
    },
  },
  outputColumns: () => [],
  compile: ({ config }) => ({
    kind: 'export-file',
    input: 'in',
    file: { externalStage: config.externalStage, path: config.path },
    format: {
      kind: 'csv',
      header: config.header,
      delimiter: config.delimiter,
      quote: config.quote,
      escape: config.escape,
      skipLines: 0,
      nullString: config.nullString,
    },
  }),
  migrations: [],
});
