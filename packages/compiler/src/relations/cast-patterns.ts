/**
 * The text a value must be to convert, as regular expressions every target reads alike: RE2
 * (DuckDB), PCRE (MariaDB), ICU (MySQL 8) and Go (MatrixOne). `(?-i)` turns off the MySQL
 * family's case-insensitive matching, `\z` is the very end (PCRE's `$` also matches before a
 * final line break), and only spaces count as padding, since only spaces are trimmed.
 */

const whole = (body: string) => `(?-i)^ *${body} *\\z`;

/** A signed whole number of at most 19 digits, optionally with a point and zeros (`12.00`). */
export const INTEGER_TEXT = whole('[+-]?0*[0-9]{1,19}([.]0*)?');

/**
 * A number in scientific notation with a short mantissa and an exponent of at most two digits
 * (`-1.5e3`, `2e-05`), which no target reads past a double's range.
 */
const SCIENTIFIC = '([0-9]{1,9}([.][0-9]*)?|[.][0-9]+)[eE][+-]?[0-9]{1,2}';
export const SCIENTIFIC_TEXT = whole(`[+-]?0*${SCIENTIFIC}`);

/**
 * A double: a decimal number of at most 308 digits before the point, or scientific notation up
 * to e299, so it always fits (a larger one is infinity on DuckDB and an error on MySQL).
 */
export const DOUBLE_TEXT = whole(
  `[+-]?0*(([0-9]{1,308}([.][0-9]*)?|[.][0-9]+)|([0-9]{1,9}([.][0-9]*)?|[.][0-9]+)[eE]([+]?([0-9]{1,2}|[12][0-9]{2})|-[0-9]{1,3}))`,
);

/** Years 0001 to 9999, with each month's days and February 29th in leap years only. */
const YEAR = '([0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)';
const LEAP_YEAR = '([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)';
const MONTH_DAY =
  '((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))';
const DATE = `(${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;

/** A calendar date, `YYYY-MM-DD`. */
export const DATE_TEXT = whole(DATE);

/** A date, or a date and a time of day with up to 6 fraction digits, `T` or a space between. */
export const TIMESTAMP_TEXT = whole(
  `${DATE}([ T]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?)?`,
);

/**
 * A decimal number with at most `precision - scale` digits before the point (leading zeros
 * aside), and any number after it, which round to `scale`.
 */
export function decimalText(precision: number, scale: number): string {
  const digits = precision - scale;
  const before = digits > 0 ? `0*[0-9]{1,${String(digits)}}` : '0+';
  return whole(`[+-]?(${before}([.][0-9]*)?|[.][0-9]+)`);
}

/**
 * The decimal texts of `decimalText` that rounding to `scale` carries past the precision:
 * all nines, then a digit of 5 or more (`99.995` for precision 4, scale 2).
 */
export function decimalRoundsOver(precision: number, scale: number): string {
  const nines = (count: number) => '9'.repeat(count);
  return `(?-i)^ *[+-]?0*${nines(precision - scale)}[.]${nines(scale)}[5-9]`;
}

/**
 * The largest magnitude a number may have to round into DECIMAL(precision, scale), exclusive:
 * `10^(precision - scale) - 0.5 · 10^-scale`, written out (`99.995` for 4, 2).
 */
export function decimalBound(precision: number, scale: number): string {
  const digits = precision - scale;
  return `${digits > 0 ? '9'.repeat(digits) : '0'}.${'9'.repeat(scale)}5`;
}

/** The whole numbers each integer type holds, as SQL numbers. */
export const INTEGER_RANGE = {
  integer: { min: '-2147483648', max: '2147483647' },
  bigint: { min: '-9223372036854775808', max: '9223372036854775807' },
} as const;
