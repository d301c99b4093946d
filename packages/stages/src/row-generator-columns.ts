import { z } from 'zod';

import type { GeneratedValue } from './relational';
import type { Column } from './stage-ir';
import { NameSchema, TextSchema } from './config-fields';

/** The kinds of value a generated column holds, in the order the form offers them. */
export const GENERATED_KINDS = [
  'sequence',
  'integer',
  'decimal',
  'choice',
  'date',
  'uuid',
] as const satisfies readonly GeneratedValue['kind'][];
export type GeneratedKind = (typeof GENERATED_KINDS)[number];

/** How the form names each kind. */
export const GENERATED_KIND_LABELS: Record<GeneratedKind, string> = {
  sequence: 'Sequence',
  integer: 'Whole number in a range',
  decimal: 'Decimal in a range',
  choice: 'Choice from a list',
  date: 'Date in a range',
  uuid: 'UUID',
};

/**
 * Whole numbers a generated value may reach: the targets' BIGINT holds more, but the config is
 * JSON read by JavaScript, which holds whole numbers exactly only up to 2^53.
 */
const SAFE = Number.MAX_SAFE_INTEGER;

const WholeSchema = z
  .number({ error: 'Enter a whole number.' })
  .int('Enter a whole number.')
  .min(-SAFE, `Enter a number from -${String(SAFE)}.`)
  .max(SAFE, `Enter a number up to ${String(SAFE)}.`);

/**
 * A decimal's digits after the point; its values are whole numbers of 10^-scale below
 * 10^15, so every target holds them exactly in a DECIMAL(18, scale).
 */
export const MAX_GENERATED_SCALE = 9;
const DECIMAL_DIGITS = 15;

/** A calendar date as `YYYY-MM-DD`, from year 1 to 9999 (what every target's DATE holds). */
const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: 'Enter a date as YYYY-MM-DD, e.g. 2024-01-31.',
    abort: true,
  })
  .refine((text) => dayNumber(text) !== undefined, {
    error: 'This is not a date on the calendar (check the month and the day).',
  });

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or `undefined` for one not on the calendar. */
export function dayNumber(text: string): number | undefined {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  if (year < 1) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? Math.round(date.getTime() / 86_400_000) : undefined;
}

function rangeCheck(min: number, max: number, ctx: z.RefinementCtx): void {
  if (min > max) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: 'Must be at least the minimum.' });
  }
}

/** The value scaled to a whole number of 10^-scale, or the problem with its digits. */
export function scaledDecimal(
  value: number,
  scale: number,
): { scaled: number } | { problem: string } {
  const scaled = Math.round(value * 10 ** scale);
  if (Math.abs(scaled - value * 10 ** scale) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    return { problem: `Has more digits after the point than the scale (${String(scale)}).` };
  }
  if (Math.abs(scaled) >= 10 ** DECIMAL_DIGITS) {
    const limit = `10^${String(DECIMAL_DIGITS - scale)}`;
    return { problem: `With ${String(scale)} digits after the point, stay below ±${limit}.` };
  }
  return { scaled };
}

const named = { name: NameSchema };

/** One generated column: its name and how its values are made. */
export const GeneratedColumnSchema = z.discriminatedUnion('kind', [
  z.object({ ...named, kind: z.literal('sequence'), start: WholeSchema, step: WholeSchema }),
  z
    .object({ ...named, kind: z.literal('integer'), min: WholeSchema, max: WholeSchema })
    .superRefine((column, ctx) => {
      rangeCheck(column.min, column.max, ctx);
      if (column.max - column.min >= SAFE) {
        ctx.addIssue({
          code: 'custom',
          path: ['max'],
          message: `The range is too wide: keep maximum minus minimum below ${String(SAFE)}.`,
        });
      }
    }),
  z
    .object({
      ...named,
      kind: z.literal('decimal'),
      min: z.number({ error: 'Enter a number.' }),
      max: z.number({ error: 'Enter a number.' }),
      scale: z
        .number({ error: 'Enter a whole number of digits.' })
        .int('Enter a whole number of digits.')
        .min(0, 'Enter 0 or more digits.')
        .max(MAX_GENERATED_SCALE, `At most ${String(MAX_GENERATED_SCALE)} digits after the point.`),
    })
    .superRefine((column, ctx) => {
      for (const field of ['min', 'max'] as const) {
        const scaled = scaledDecimal(column[field], column.scale);
        if ('problem' in scaled) {
          ctx.addIssue({ code: 'custom', path: [field], message: scaled.problem });
        }
      }
      rangeCheck(column.min, column.max, ctx);
    }),
  z.object({
    ...named,
    kind: z.literal('choice'),
    choices: z
      .array(TextSchema)
      .min(1, 'List at least one value to choose from.')
      .max(1000, 'List at most 1,000 values.'),
  }),
  z
    .object({ ...named, kind: z.literal('date'), from: DateSchema, to: DateSchema })
    .superRefine((column, ctx) => {
      const from = dayNumber(column.from);
      const to = dayNumber(column.to);
      if (from !== undefined && to !== undefined && from > to) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'Must be on or after the first date.',
        });
      }
    }),
  z.object({ ...named, kind: z.literal('uuid') }),
]);
export type GeneratedColumn = z.infer<typeof GeneratedColumnSchema>;

/** A new column of each kind as the form adds it: values that generate as they are. */
export const NEW_GENERATED_COLUMN: {
  [K in GeneratedKind]: Omit<Extract<GeneratedColumn, { kind: K }>, 'name'>;
} = {
  sequence: { kind: 'sequence', start: 1, step: 1 },
  integer: { kind: 'integer', min: 1, max: 100 },
  decimal: { kind: 'decimal', min: 0, max: 1000, scale: 2 },
  choice: { kind: 'choice', choices: ['red', 'green', 'blue'] },
  date: { kind: 'date', from: '2024-01-01', to: '2024-12-31' },
  uuid: { kind: 'uuid' },
};

/** The neutral type of each kind's values. */
export const GENERATED_TYPES = {
  sequence: 'BIGINT',
  integer: 'BIGINT',
  decimal: 'DECIMAL',
  choice: 'VARCHAR',
  date: 'DATE',
  uuid: 'VARCHAR',
} as const satisfies Record<GeneratedKind, Column['type']>;

/** The output column a generated column is. */
export function generatedColumnOf(column: GeneratedColumn): Column {
  return { name: column.name, type: GENERATED_TYPES[column.kind] };
}

/** How the relational form says a column's values are made, in whole numbers where it can. */
export function generatedValueOf(column: GeneratedColumn): GeneratedValue {
  switch (column.kind) {
    case 'decimal': {
      const scaled = (value: number) => Math.round(value * 10 ** column.scale);
      return {
        kind: 'decimal',
        min: scaled(column.min),
        max: scaled(column.max),
        scale: column.scale,
      };
    }
    case 'date': {
      const from = dayNumber(column.from) ?? 0;
      return { kind: 'date', from: column.from, days: (dayNumber(column.to) ?? from) - from };
    }
    case 'sequence':
      return { kind: 'sequence', start: column.start, step: column.step };
    case 'integer':
      return { kind: 'integer', min: column.min, max: column.max };
    case 'choice':
      return { kind: 'choice', choices: column.choices };
    case 'uuid':
      return { kind: 'uuid' };
  }
}
