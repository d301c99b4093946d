import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import type { CastColumn } from './relational';
import type { Column, ColumnType } from './stage-ir';
import { canCast, castColumnType, castTypeLabel, CastTypeSchema } from './cast-types';
import { sameColumnName, unknownColumn } from './column-names';
import { NameSchema, reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** One cast: an input column and the portable type it becomes. */
export const CastRowSchema = z.object({ column: NameSchema, type: CastTypeSchema });

/** What a value that does not convert does: the run fails, or the value becomes NULL. */
export const CAST_ERROR_CHOICES = [
  { value: 'fail', label: 'Fail the run' },
  { value: 'null', label: 'Make it NULL' },
] as const;

/** Settings of a cast: the columns to convert, each once, and what a bad value does. */
export const CastConfigSchema = z
  .object({
    columns: z.array(CastRowSchema).max(1000),
    onError: z.enum(['fail', 'null']),
  })
  .superRefine((config, ctx) => {
    reportDuplicateNames(
      config.columns.map((row) => row.column),
      ctx,
      (i) => ['columns', i, 'column'],
    );
  });
export type CastConfig = z.infer<typeof CastConfigSchema>;

/**
 * The cast of the input column `name` (as the input spells it) to `to`, from the row at `path`.
 * Shared by the stages that convert columns (Cast, and Derive columns' declared types).
 */
export function castColumnOf(
  name: string,
  to: CastColumn['to'],
  at: { input?: readonly Column[]; path: CastColumn['path']; from?: ColumnType },
): CastColumn {
  const column = at.input?.find((c) => sameColumnName(c.name, name));
  const from = at.from ?? column?.type;
  return { name: column?.name ?? name, to, ...(from ? { from } : {}), path: at.path };
}

/**
 * An `invalid-config` diagnostic when a column of `column.type` has no conversion to `to` that
 * every target shares (a date is no number); none otherwise.
 */
export function conversionProblems(
  column: Column,
  to: CastColumn['to'],
  at: { stageId: string; path: CastColumn['path'] },
): Diagnostic[] {
  if (canCast(column.type, to.name)) return [];
  const message =
    `"${column.name}" (${column.type ?? 'text'}) has no conversion to ${castTypeLabel(to)} ` +
    'that every target shares. Pick another type, or compute the value with Derive columns.';
  return [diagnostic('invalid-config', { message }, at)];
}

/**
 * Changes the types of input columns with the portable vocabulary; every other column passes
 * through in place. Text converts only when it spells a value of the type (the same words on
 * every target); a value that does not convert fails the run or becomes NULL, as chosen.
 */
export const castStage = defineStage({
  type: 'cast',
  version: 1,
  category: 'processor',
  config: CastConfigSchema,
  defaults: { columns: [], onError: 'fail' },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Cast',
    description: 'Changes column types: integer, decimal, text, boolean, date, timestamp, JSON.',
    icon: 'Transform',
    fields: {
      columns: {
        widget: 'cast-columns',
        label: 'Casts',
        help:
          'Input columns and the type each becomes; the others pass through. Text converts when it spells a value: ' +
          'digits with an optional sign for integers; a point for decimals, which round to the scale; ' +
          'true/false, t/f, yes/no, y/n or 1/0 in any case for booleans; YYYY-MM-DD for dates; ' +
          'YYYY-MM-DD hh:mm:ss with up to 6 fraction digits for timestamps. Numbers round to integers ' +
          'and decimals, and must fit; text must fit a varchar length.',
      },
      onError: {
        widget: 'select',
        label: 'A value that does not convert',
        help: 'Fail the run (nothing is written), or write NULL in its place.',
        options: CAST_ERROR_CHOICES,
      },
    },
  },
  outputColumns: ({ config, inputs }) =>
    inputs.in?.map((column) => {
      const row = config.columns.find((r) => sameColumnName(r.column, column.name));
      return row ? { name: column.name, type: castColumnType(row.type) } : column;
    }),
  check: ({ stageId, config, inputs }) => {
    const columns = inputs.in;
    if (!columns) return [];
    const available = columns.map((c) => c.name);
    return config.columns.flatMap((row, i): Diagnostic[] => {
      const column = columns.find((c) => sameColumnName(c.name, row.column));
      if (!column) {
        return [unknownColumn(row.column, available, { stageId, path: ['columns', i, 'column'] })];
      }
      return conversionProblems(column, row.type, { stageId, path: ['columns', i, 'type'] });
    });
  },
  compile: ({ config, inputs }) =>
    config.columns.length === 0
      ? input('in')
      : {
          op: 'cast',
          input: input('in'),
          columns: config.columns.map((row, i) =>
            castColumnOf(row.column, row.type, { input: inputs.in, path: ['columns', i] }),
          ),
          ...(inputs.in ? { inputColumns: inputs.in.map((c) => c.name) } : {}),
          onError: config.onError,
        },
  migrations: [],
});
