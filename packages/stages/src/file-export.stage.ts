import { z } from 'zod';

import type { FileFormat } from './stage-ir';
import {
  addCsvFormat,
  CSV_DEFAULTS,
  csvFields,
  EXPORT_FORMATS,
  ExternalStageNameSchema,
  FORMAT_LABELS,
  RelativePathSchema,
  reportDelimiterClash,
} from './config-fields';
import { defineStage } from './define-stage';

/** Settings of a file export: where the file goes and its format. */
export const FileExportConfigSchema = z
  .object({
    externalStage: ExternalStageNameSchema,
    path: RelativePathSchema,
    format: z.enum(EXPORT_FORMATS),
    ...csvFields,
  })
  .superRefine((config, ctx) => {
    if (config.format === 'csv') reportDelimiterClash(config, ctx);
  });
export type FileExportConfig = z.infer<typeof FileExportConfigSchema>;

const csvHidden = (config: FileExportConfig) => config.format !== 'csv';

function exportFormat(config: FileExportConfig): FileFormat {
  if (config.format !== 'csv') return { kind: config.format };
  return {
    kind: 'csv',
    header: config.header,
    delimiter: config.delimiter,
    quote: config.quote,
    escape: config.escape,
    skipLines: 0,
    nullString: config.nullString,
  };
}

/** Writes its input as a CSV, JSON lines or Parquet file into an external stage. */
export const fileExportStage = defineStage({
  type: 'file-export',
  version: 2,
  category: 'destination',
  config: FileExportConfigSchema,
  defaults: { externalStage: 'exports', path: 'output.csv', format: 'csv', ...CSV_DEFAULTS },
  ports: { inputs: ['in'], outputs: [] },
  ui: {
    label: 'File export',
    description: 'Writes rows as a CSV, JSON lines or Parquet file into an external stage.',
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
      format: {
        widget: 'select',
        label: 'Format',
        help: 'CSV, JSON lines (one object per line) or Parquet, where the target can write it.',
        options: EXPORT_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] })),
      },
      header: { widget: 'switch', label: 'Write a header line', hiddenWhen: csvHidden },
      delimiter: { widget: 'char', label: 'Delimiter', hiddenWhen: csvHidden },
      quote: { widget: 'char', label: 'Quote', hiddenWhen: csvHidden },
      escape: { widget: 'char', label: 'Escape', hiddenWhen: csvHidden },
      nullString: {
        widget: 'text',
        label: 'Null value',
        help: 'Written for NULL fields. Empty writes an empty field.',
        hiddenWhen: csvHidden,
      },
    },
  },
  outputColumns: () => [],
  compile: ({ config }) => ({
    kind: 'export-file',
    input: 'in',
    file: { externalStage: config.externalStage, path: config.path },
    format: exportFormat(config),
  }),
  migrations: [addCsvFormat],
});
