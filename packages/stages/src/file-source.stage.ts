import { z } from 'zod';

import type { FileFormat } from './stage-ir';
import { COMPRESSION_LABELS, COMPRESSIONS } from './compressions';
import {
  addCsvFormat,
  ColumnDefSchema,
  CSV_DEFAULTS,
  csvFields,
  ExternalStageNameSchema,
  FORMAT_LABELS,
  hasNoCsvOptions,
  JSON_ROWS,
  RelativePathSchema,
  reportDelimiterClash,
  reportDuplicateNames,
  SOURCE_FORMATS,
} from './config-fields';
import { defineStage } from './define-stage';

/** Settings of a file source: which file, its format, and optionally its columns. */
export const FileSourceConfigSchema = z
  .object({
    externalStage: ExternalStageNameSchema,
    path: RelativePathSchema,
    format: z.enum(SOURCE_FORMATS),
    ...csvFields,
    skipLines: z.number().int('Enter a whole number.').min(0).max(1_000_000),
    /** How the file's bytes are compressed; Parquet compresses inside the file and ignores it. */
    compression: z.enum(COMPRESSIONS),
    /** For JSON lines: an object per line, or an array of values in column order. */
    jsonRows: z.enum(JSON_ROWS),
    /** Empty means the columns are detected from the file when the flow runs. */
    columns: z.array(ColumnDefSchema).max(1000),
  })
  .superRefine((config, ctx) => {
    const delimiter = config.format === 'tsv' ? '\t' : config.delimiter;
    if (!hasNoCsvOptions(config.format)) reportDelimiterClash({ ...config, delimiter }, ctx);
    reportDuplicateNames(
      config.columns.map((c) => c.name),
      ctx,
      (i) => ['columns', i, 'name'],
    );
    if (config.format === 'jsonl' && config.jsonRows === 'arrays' && config.columns.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'Lines of arrays carry no column names: list the columns in the order they hold.',
      });
    }
  });
export type FileSourceConfig = z.infer<typeof FileSourceConfigSchema>;

const csvHidden = (config: FileSourceConfig) => hasNoCsvOptions(config.format);

/** The file layout a source config describes; TSV is CSV with a tab delimiter. */
function sourceFormat(config: Omit<FileSourceConfig, 'columns'>): FileFormat {
  if (config.format === 'parquet') return { kind: 'parquet' };
  const compression = config.compression === 'auto' ? {} : { compression: config.compression };
  if (config.format === 'jsonl') {
    return {
      kind: 'jsonl',
      ...(config.jsonRows === 'arrays' ? { rows: 'arrays' } : {}),
      ...compression,
    };
  }
  return {
    kind: 'csv',
    header: config.header,
    delimiter: config.format === 'tsv' ? '\t' : config.delimiter,
    quote: config.quote,
    escape: config.escape,
    skipLines: config.skipLines,
    nullString: config.nullString,
    ...compression,
  };
}

/** Sources saved before version 3 read every file as its extension says, JSON as objects. */
const addCompressionAndJsonRows = {
  from: 2,
  up: (config: Record<string, unknown>) => ({
    ...config,
    compression: 'auto',
    jsonRows: 'objects',
  }),
};

/** Reads a CSV, TSV, JSON lines or Parquet file from an external stage. */
export const fileSourceStage = defineStage({
  type: 'file-source',
  version: 3,
  category: 'origin',
  config: FileSourceConfigSchema,
  defaults: {
    externalStage: 'samples',
    path: 'orders.csv',
    format: 'csv',
    ...CSV_DEFAULTS,
    skipLines: 0,
    compression: 'auto',
    jsonRows: 'objects',
    columns: [],
  },
  ports: { inputs: [], outputs: ['out'] },
  ui: {
    label: 'File source',
    description: 'Reads a CSV, TSV, JSON lines or Parquet file from an external stage.',
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
      format: {
        widget: 'select',
        label: 'Format',
        help: 'CSV, TSV, JSON lines (one object per line) or Parquet.',
        options: SOURCE_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] })),
      },
      compression: {
        widget: 'select',
        label: 'Compression',
        help: 'How the file is compressed. Parquet files compress inside and ignore this.',
        options: COMPRESSIONS.map((value) => ({ value, label: COMPRESSION_LABELS[value] })),
        hiddenWhen: (config) => config.format === 'parquet',
      },
      jsonRows: {
        widget: 'select',
        label: 'Each line holds',
        help: 'An object whose keys name the columns, or an array of values in column order.',
        options: [
          { value: 'objects', label: 'An object' },
          { value: 'arrays', label: 'An array of values' },
        ],
        hiddenWhen: (config) => config.format !== 'jsonl',
      },
      header: { widget: 'switch', label: 'First line is a header', hiddenWhen: csvHidden },
      delimiter: {
        widget: 'char',
        label: 'Delimiter',
        help: 'Separates fields, e.g. "," or ";".',
        hiddenWhen: (config) => config.format !== 'csv',
      },
      quote: {
        widget: 'char',
        label: 'Quote',
        help: 'Encloses fields that contain delimiters.',
        hiddenWhen: csvHidden,
      },
      escape: {
        widget: 'char',
        label: 'Escape',
        help: 'Precedes a quote inside a quoted field; usually the quote itself.',
        hiddenWhen: csvHidden,
      },
      skipLines: {
        widget: 'number',
        label: 'Lines to skip',
        help: 'Lines ignored at the top of the file, before the header.',
        hiddenWhen: csvHidden,
      },
      nullString: {
        widget: 'text',
        label: 'Null value',
        help: 'Fields equal to this text become NULL. Empty means empty fields are NULL.',
        hiddenWhen: csvHidden,
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
    op: 'scan-file',
    file: { externalStage: config.externalStage, path: config.path },
    format: sourceFormat(config),
    columns: config.columns,
  }),
  migrations: [addCsvFormat, addCompressionAndJsonRows],
});
