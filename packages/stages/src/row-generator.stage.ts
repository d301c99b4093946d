import { z } from 'zod';

import type { GeneratedColumn } from './row-generator-columns';
import { reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import {
  generatedColumnOf,
  GeneratedColumnSchema,
  generatedValueOf,
} from './row-generator-columns';

/** The most rows one generator makes: enough for a load test, bounded so a typo is not a day. */
export const MAX_GENERATED_ROWS = 100_000_000;

/** Settings of a row generator: how many rows, the seed, and the columns of each row. */
export const RowGeneratorConfigSchema = z
  .object({
    rows: z
      .number({ error: 'Enter a whole number of rows.' })
      .int('Enter a whole number of rows.')
      .min(1, 'Generate at least 1 row.')
      .max(MAX_GENERATED_ROWS, `Generate at most ${MAX_GENERATED_ROWS.toLocaleString('en')} rows.`),
    seed: z
      .number({ error: 'Enter a whole number.' })
      .int('Enter a whole number.')
      .min(0, 'Enter a seed from 0.')
      .max(2_147_483_647, 'Enter a seed up to 2147483647.'),
    columns: z.array(GeneratedColumnSchema).min(1, 'Add at least one column.').max(1000),
  })
  .superRefine((config, ctx) => {
    reportDuplicateNames(
      config.columns.map((column) => column.name),
      ctx,
      (i) => ['columns', i, 'name'],
    );
    config.columns.forEach((column, i) => {
      if (!sequenceOverflows(column, config.rows)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['columns', i, 'step'],
        message: `Over ${config.rows.toLocaleString('en')} rows this sequence leaves the whole numbers every target holds exactly; use a smaller start or step.`,
      });
    });
  });
export type RowGeneratorConfig = z.infer<typeof RowGeneratorConfigSchema>;

/** True when a sequence's last value is past 2^53, beyond which the config cannot say it. */
function sequenceOverflows(column: GeneratedColumn, rows: number): boolean {
  if (column.kind !== 'sequence') return false;
  const last = column.start + column.step * (rows - 1);
  return !Number.isSafeInteger(last);
}

/**
 * Makes rows of sample data inside the target: a number of rows, each with typed columns
 * (a sequence, a number or a date in a range, a choice from a list, a UUID). Values are
 * pseudo-random from the seed and the row number through MD5, which every target computes
 * alike, so one seed gives the same rows on every target. No row passes through Sluice.
 */
export const rowGeneratorStage = defineStage({
  type: 'row-generator',
  version: 1,
  category: 'origin',
  config: RowGeneratorConfigSchema,
  defaults: {
    rows: 1000,
    seed: 1,
    columns: [
      { name: 'id', kind: 'sequence', start: 1, step: 1 },
      { name: 'amount', kind: 'decimal', min: 0, max: 1000, scale: 2 },
    ],
  },
  ports: { inputs: [], outputs: ['out'] },
  ui: {
    label: 'Row generator',
    description: 'Makes rows of sample data inside the database, the same for the same seed.',
    icon: 'Dice5',
    summary: (config) => `${config.rows.toLocaleString('en')} rows`,
    fields: {
      rows: {
        widget: 'number',
        label: 'Rows',
        help: `How many rows to make, from 1 to ${MAX_GENERATED_ROWS.toLocaleString('en')}.`,
      },
      seed: {
        widget: 'number',
        label: 'Seed',
        help: 'The same seed makes the same rows, on every target; change it for other values.',
      },
      columns: {
        widget: 'generated-columns',
        label: 'Columns',
        help:
          'Each row of this list is one output column: a sequence counts from its start by its step; ' +
          'a whole number, a decimal or a date falls in its range (both ends included); a choice picks ' +
          'one of its values; a UUID is a random-looking version 4 UUID.',
      },
    },
  },
  outputColumns: ({ config }) => config.columns.map(generatedColumnOf),
  compile: ({ config }) => ({
    op: 'generate-rows',
    rows: config.rows,
    seed: config.seed,
    columns: config.columns.map((column) => ({
      name: column.name,
      value: generatedValueOf(column),
    })),
  }),
  migrations: [],
});
