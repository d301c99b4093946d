import { z } from 'zod';

import { diagnostic, DONE_PORT } from '@sluice/flow';

import type { ExportFormat } from './config-fields';
import type { EditedConfig } from './define-stage';
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
import { input } from './relational';

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

/** The file name suffixes that name each format; the first is the one a rename gives. */
const FORMAT_SUFFIXES: Record<ExportFormat, readonly string[]> = {
  csv: ['.csv', '.tsv'],
  jsonl: ['.jsonl', '.ndjson'],
  parquet: ['.parquet'],
};
const KNOWN_SUFFIXES = new Set([...Object.values(FORMAT_SUFFIXES).flat(), '.json']);

/** The last `.suffix` of a path's file name, lower-cased; empty when the name has none. */
function suffixOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The suffix a file of this format gets: CSV with a tab delimiter is `.tsv`. */
function expectedSuffix(format: ExportFormat, delimiter: string): string {
  if (format === 'csv') return delimiter === '\t' ? '.tsv' : '.csv';
  return FORMAT_SUFFIXES[format][0] ?? '';
}

/** The parts of an edited config a rename needs, when they are what the schema expects. */
const RenameInputSchema = z.object({
  path: z.string(),
  format: z.enum(EXPORT_FORMATS),
  delimiter: z.string().catch(','),
});

/**
 * A path that ends in the old format's suffix follows the new format (`output.csv` becomes
 * `output.jsonl`); any other name (`.txt`, `.csv.gz`, none) is the person's choice and stays.
 */
function followFormat(change: { previous: EditedConfig; next: EditedConfig }) {
  const previous = RenameInputSchema.safeParse(change.previous);
  const next = RenameInputSchema.safeParse(change.next);
  if (!previous.success || !next.success || previous.data.format === next.data.format) return {};
  const { path } = previous.data;
  const suffix = suffixOf(path);
  if (!FORMAT_SUFFIXES[previous.data.format].includes(suffix)) return {};
  const renamed = path.slice(0, path.length - suffix.length);
  return { path: renamed + expectedSuffix(next.data.format, next.data.delimiter) };
}

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
  ports: { inputs: ['in'], outputs: [DONE_PORT] },
  ui: {
    label: 'File export',
    description: 'Writes rows as a CSV, JSON lines or Parquet file into an external stage.',
    icon: 'FileExport',
    summary: (config) => `${config.externalStage}/${config.path}`,
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
        alsoSets: followFormat,
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
  check: ({ stageId, config }) => {
    const suffix = suffixOf(config.path);
    if (!KNOWN_SUFFIXES.has(suffix) || FORMAT_SUFFIXES[config.format].includes(suffix)) return [];
    const format = FORMAT_LABELS[config.format];
    const expected = expectedSuffix(config.format, config.delimiter);
    return [
      diagnostic('path-suffix-mismatch', { suffix, format, expected }, { stageId, path: ['path'] }),
    ];
  },
  compile: ({ config }) => ({
    op: 'export-file',
    input: input('in'),
    file: { externalStage: config.externalStage, path: config.path },
    format: exportFormat(config),
  }),
  migrations: [addCsvFormat],
});
