import type { AggregateColumn } from './relational';
import type { Column, ColumnType } from './stage-ir';

/**
 * The type rules Sluice declares for computed columns, written down once so a stage's output
 * columns and the compiler's columns of its relation agree. Each follows what DuckDB and the
 * MySQL family return for the SQL the compiler writes, checked on DuckDB 1.x and MariaDB 10.11.
 */

/** A column with its type where one is known (a `Column` has no `type` key when not known). */
export function typedColumn(name: string, type: ColumnType | undefined): Column {
  return type ? { name, type } : { name };
}

/** Numbers, narrowest first: mixing two yields the wider (a BOOLEAN counts as a number). */
const NUMBER_LADDER: readonly ColumnType[] = ['BOOLEAN', 'INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE'];
const TIME_LADDER: readonly ColumnType[] = ['DATE', 'TIMESTAMP'];

/** Types `sum` and `avg` take: booleans, dates and text would be read as numbers differently. */
export const NUMERIC_TYPES: readonly ColumnType[] = ['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE'];

/** Whole numbers, whose sums the compiler casts to `DECIMAL(38, 0)`. */
export const WHOLE_NUMBER_TYPES: readonly ColumnType[] = ['INTEGER', 'BIGINT'];

/**
 * The type of a column combining values of two types, as a UNION does: the wider of two numbers
 * or of two dates, text when either is text, and `undefined` where no target combines them (a
 * date with a number: DuckDB refuses to cast between them).
 * @example commonType('INTEGER', 'DOUBLE') // 'DOUBLE'
 */
export function commonType(a: ColumnType, b: ColumnType): ColumnType | undefined {
  if (a === b) return a;
  if (a === 'VARCHAR' || b === 'VARCHAR') return 'VARCHAR';
  for (const ladder of [NUMBER_LADDER, TIME_LADDER]) {
    if (ladder.includes(a) && ladder.includes(b)) {
      return ladder[Math.max(ladder.indexOf(a), ladder.indexOf(b))];
    }
  }
  return undefined;
}

/**
 * The type an aggregate returns on every target, given its column's type (`undefined` when not
 * known). Counts are BIGINT; an average is DOUBLE (computed over DOUBLE values, since MySQL's
 * AVG of integers rounds to 4 decimals); a sum of whole numbers is DECIMAL (DuckDB returns
 * HUGEINT, MySQL DECIMAL and MatrixOne BIGINT, so it is cast to one DECIMAL), other sums keep the
 * column's type, and min and max return it.
 */
export function aggregateType(
  fn: AggregateColumn['fn'],
  input: ColumnType | undefined,
): ColumnType | undefined {
  switch (fn) {
    case 'count':
    case 'count-distinct':
      return 'BIGINT';
    case 'avg':
      return 'DOUBLE';
    case 'sum':
      return input && WHOLE_NUMBER_TYPES.includes(input) ? 'DECIMAL' : input;
    case 'min':
    case 'max':
      return input;
  }
}
