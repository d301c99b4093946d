import { z } from 'zod';

import type { CastType, CastTypeName, ColumnType } from './stage-ir';

/**
 * The portable cast vocabulary as config holds it, and what is true of it on every target: the
 * neutral column type a cast produces, which conversions exist, and the words read as booleans.
 * How each target spells a cast is the compiler's (one dialect file each).
 */

/** The cast types in the order a picker offers them. */
export const CAST_TYPE_NAMES = [
  'integer',
  'bigint',
  'decimal',
  'double',
  'varchar',
  'text',
  'boolean',
  'date',
  'timestamp',
  'json',
] as const satisfies readonly CastTypeName[];

/** The widest DECIMAL any target takes (MySQL and MariaDB); narrower targets say so per stage. */
export const MAX_DECIMAL_PRECISION = 65;
/** The most digits after the point any target takes (MariaDB). */
export const MAX_DECIMAL_SCALE = 38;
/** The longest VARCHAR MatrixOne takes, which no other target is below. */
export const MAX_VARCHAR_LENGTH = 65_535;

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter the ${what}.` })
    .int(`The ${what} is a whole number.`)
    .min(min, `The ${what} is at least ${String(min)}.`)
    .max(max, `The ${what} is at most ${String(max)}.`);

const DecimalSchema = z
  .object({
    name: z.literal('decimal'),
    precision: whole('precision', 1, MAX_DECIMAL_PRECISION),
    scale: whole('scale', 0, MAX_DECIMAL_SCALE),
  })
  .refine((t) => t.scale <= t.precision, {
    path: ['scale'],
    error: 'The scale (digits after the point) cannot exceed the precision (all digits).',
  });

/** A portable cast type with its parameters, checked where each parameter is entered. */
export const CastTypeSchema = z.discriminatedUnion(
  'name',
  [
    DecimalSchema,
    z.object({ name: z.literal('varchar'), length: whole('length', 1, MAX_VARCHAR_LENGTH) }),
    z.object({
      name: z.enum(['integer', 'bigint', 'double', 'text', 'boolean', 'date', 'timestamp', 'json']),
    }),
  ],
  { error: 'Pick a type from the list.' },
) satisfies z.ZodType<CastType>;

/** The parameters a type takes when it is picked, so a new pick is valid at once. */
export function castTypeOf(name: CastTypeName): CastType {
  if (name === 'decimal') return { name, precision: 18, scale: 2 };
  if (name === 'varchar') return { name, length: 255 };
  return { name };
}

/**
 * How a cast type reads in messages and lists.
 * @example castTypeLabel({ name: 'decimal', precision: 10, scale: 2 }) // 'decimal(10, 2)'
 */
export function castTypeLabel(type: CastType): string {
  if (type.name === 'decimal') return `decimal(${String(type.precision)}, ${String(type.scale)})`;
  if (type.name === 'varchar') return `varchar(${String(type.length)})`;
  return type.name;
}

const NEUTRAL: Record<CastTypeName, ColumnType> = {
  integer: 'INTEGER',
  bigint: 'BIGINT',
  decimal: 'DECIMAL',
  double: 'DOUBLE',
  varchar: 'VARCHAR',
  text: 'VARCHAR',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
};

/** The neutral column type a cast to `type` produces. */
export function castColumnType(type: CastType): ColumnType {
  return NEUTRAL[type.name];
}

/**
 * What a value is read as when it is cast: its text (text, JSON, or a type not known), a number,
 * a boolean, a date or a timestamp.
 */
export type CastSource = 'text' | 'number' | 'boolean' | 'date' | 'timestamp';

/** The kind of value a column of type `from` holds, for casting. */
export function castSource(from: ColumnType | undefined): CastSource {
  switch (from) {
    case 'BIGINT':
    case 'INTEGER':
    case 'DOUBLE':
    case 'DECIMAL':
      return 'number';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'TIMESTAMP':
      return 'timestamp';
    default:
      return 'text';
  }
}

/** Conversions with no meaning the targets share: a number is no date, a date no number. */
const NO_CONVERSION: Record<CastSource, readonly CastTypeName[]> = {
  text: [],
  number: ['date', 'timestamp', 'json'],
  boolean: ['date', 'timestamp', 'json'],
  date: ['integer', 'bigint', 'decimal', 'double', 'boolean', 'json'],
  timestamp: ['integer', 'bigint', 'decimal', 'double', 'boolean', 'json'],
};

/** Whether a column of type `from` can be cast to `to` the same way on every target. */
export function canCast(from: ColumnType | undefined, to: CastTypeName): boolean {
  return !NO_CONVERSION[castSource(from)].includes(to);
}

/**
 * The words (any case, surrounded by spaces or not) a text value may be to become a boolean,
 * the same on every target; any other text does not convert.
 */
export const BOOLEAN_WORDS = {
  true: ['true', 't', 'yes', 'y', '1'],
  false: ['false', 'f', 'no', 'n', '0'],
} as const;
