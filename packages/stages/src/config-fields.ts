import { z } from 'zod';

import { COLUMN_TYPES } from './stage-ir';

/**
 * Config field schemas shared by several stage types, so a rule (what a file path may look like,
 * what a delimiter is) is written once and every stage enforces it the same way.
 */

const hasNoNul = (value: string): boolean => !value.includes('\0');
const NO_NUL = { error: 'Must not contain a NUL character.' };

/** Free text that ends up in SQL as an escaped literal; only NUL cannot be represented. */
export const TextSchema = z.string().max(1000).refine(hasNoNul, NO_NUL);

/**
 * One character of a delimited-text format (delimiter, quote, escape). Counted in code points so
 * a tab or a non-ASCII separator is one character; line breaks would split rows, so they are out.
 */
export const CharSchema = z
  .string()
  .refine((value) => [...value].length === 1, { error: 'Enter exactly one character.' })
  .refine((value) => value !== '\n' && value !== '\r', {
    error: 'A line break cannot be used here.',
  })
  .refine(hasNoNul, NO_NUL);

/** The name of an external stage, as created in the external stages list. */
export const ExternalStageNameSchema = z
  .string()
  .trim()
  .min(1, 'Pick an external stage.')
  .max(128)
  .refine(hasNoNul, NO_NUL);

/**
 * A file path inside an external stage. It must stay inside the external stage: relative, no
 * `..` segment, so no config can reach files the external stage does not expose.
 */
export const RelativePathSchema = z
  .string()
  .min(1, 'Enter a file path inside the external stage.')
  .max(1024)
  .refine(hasNoNul, NO_NUL)
  .refine((value) => !value.startsWith('/') && !value.startsWith('\\'), {
    error: 'Use a path relative to the external stage (no leading "/").',
  })
  .refine((value) => !value.split(/[/\\]/).includes('..'), {
    error: 'The path must stay inside the external stage (no ".." segments).',
  });

/** A column or table name: any characters but NUL, since the dialect quotes every identifier. */
export const NameSchema = z
  .string()
  .min(1, 'Enter a name.')
  .max(128, 'Names are at most 128 characters.')
  .refine(hasNoNul, NO_NUL);

/** An explicit column of a file: its name and neutral type. */
export const ColumnDefSchema = z.object({ name: NameSchema, type: z.enum(COLUMN_TYPES) });

/** Delimited-text options shared by file sources and file exports. */
export const csvFields = {
  header: z.boolean(),
  delimiter: CharSchema,
  quote: CharSchema,
  escape: CharSchema,
  nullString: TextSchema,
};

/** Default delimited-text options: RFC 4180 CSV with a header line and empty fields as NULL. */
export const CSV_DEFAULTS = {
  header: true,
  delimiter: ',',
  quote: '"',
  escape: '"',
  nullString: '',
};

/** The layouts a file source reads; `tsv` is CSV with a tab delimiter. */
export const SOURCE_FORMATS = ['csv', 'tsv', 'jsonl', 'parquet'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The layouts a file export writes. */
export const EXPORT_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Labels of the format choices, for the `select` widget. */
export const FORMAT_LABELS: Record<SourceFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV (tab-separated)',
  jsonl: 'JSON lines',
  parquet: 'Parquet',
};

/** How the lines of a JSON lines file hold their rows. */
export const JSON_ROWS = ['objects', 'arrays'] as const;

/** True for formats that have no delimited-text options, so those fields are hidden. */
export function hasNoCsvOptions(format: SourceFormat): boolean {
  return format === 'jsonl' || format === 'parquet';
}

/** Config migration for file stages saved before they had a format: they were all CSV. */
export const addCsvFormat = {
  from: 1,
  up: (config: Record<string, unknown>) => ({ ...config, format: 'csv' }),
};

/**
 * Reports names that repeat, ignoring case (databases such as DuckDB and MySQL treat column names
 * case-insensitively), at the field path of each repeat. Empty names are left to the check that
 * asks for a name: two new rows are not one name used twice.
 */
export function reportDuplicateNames(
  names: readonly string[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => (string | number)[],
): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    const key = name.toLowerCase();
    if (key === '') return;
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: pathOf(index), message: `"${name}" is used twice.` });
    }
    seen.add(key);
  });
}

/** Reports a delimiter that equals the quote character, which makes every line ambiguous. */
export function reportDelimiterClash(
  format: { delimiter: string; quote: string },
  ctx: z.RefinementCtx,
): void {
  if (format.delimiter === format.quote) {
    ctx.addIssue({
      code: 'custom',
      path: ['quote'],
      message: 'The quote character must differ from the delimiter.',
    });
  }
}
