import type { TypeCast } from 'mysql2';

/** An integer or DECIMAL as the server wrote its digits, so no value passes through a double. */
export class Digits {
  constructor(readonly text: string) {}
}

/**
 * A DOUBLE or FLOAT as the server wrote it. Kept as text because most such texts are already
 * what DuckDB writes (see `plainDouble`), which spares a parse and a print for each value.
 */
export class DoubleText {
  constructor(readonly text: string) {}

  get value(): number {
    return Number(this.text);
  }
}

/** A value of a streamed export row, typed enough to be written as DuckDB's COPY writes it. */
export type ExportValue = null | boolean | number | string | Digits | DoubleText;

const EXACT_TYPES = new Set(['TINY', 'SHORT', 'LONG', 'INT24', 'LONGLONG', 'YEAR', 'NEWDECIMAL']);
const DATETIME_TYPES = new Set(['DATETIME', 'DATETIME2', 'TIMESTAMP', 'TIMESTAMP2']);

/**
 * DuckDB writes a timestamp's fraction without trailing zeros (`10:00:00.123`), and none when it
 * is zero; DATETIME(6) gives all six digits.
 * @example trimFraction('2024-01-02 10:00:00.120000') // '2024-01-02 10:00:00.12'
 */
export function trimFraction(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * mysql2 `typeCast` for streamed exports: TINYINT(1) as a boolean, integers and DECIMAL as their
 * digits, DOUBLE and FLOAT as the server's text, datetimes trimmed as DuckDB prints them, the
 * rest as text.
 */
export const exportTypeCast: TypeCast = (field) => {
  const text = field.string();
  if (text === null) return null;
  if (field.type === 'TINY' && field.length === 1) return text !== '0';
  if (EXACT_TYPES.has(field.type) || field.type === 'DECIMAL') return new Digits(text);
  if (field.type === 'DOUBLE' || field.type === 'FLOAT') return new DoubleText(text);
  if (DATETIME_TYPES.has(field.type)) return trimFraction(text);
  return text;
};

/**
 * A finite double's shortest round-trip text, exactly as `String` writes it (the language defines
 * JSON's number text as that). Not `String` or a template: V8 puts each text those make for a
 * double into its number-to-string cache, allocated in the old generation, so an export of a
 * million doubles left tens of MiB of dead text there until the next full collection. The JSON
 * writer's text is an ordinary short-lived string.
 * @example doubleText(0.1 + 0.2) // '0.30000000000000004'
 */
const doubleText = (value: number): string => JSON.stringify(value);

/**
 * A double as DuckDB's CSV writer prints it: shortest round-trip digits, fixed notation from
 * 1e-4 up to 1e16 with `.0` on whole numbers, otherwise `1.5e-07` / `1e+16` style.
 * @example csvDouble(15) // '15.0'
 */
export function csvDouble(value: number): string {
  const size = Math.abs(value);
  // JavaScript writes these in fixed notation with the same shortest digits; only the rest
  // needs the exponent taken apart.
  if (value === 0 || (size >= 1e-4 && size < 1e16)) {
    // The shortest text of -0 loses the sign that DuckDB keeps.
    const fixed = Object.is(value, -0) ? '-0' : doubleText(value);
    return fixed.includes('.') ? fixed : `${fixed}.0`;
  }
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const power = Number(exponent);
  if (value !== 0 && (power < -4 || power >= 16)) {
    return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const fixed = doubleText(value);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

/** Decimal text in its shortest plain form: no sign but `-`, no leading or trailing zeros. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d{0,15})(?:\.\d*[1-9])?$/;

/**
 * The text of a double as both DuckDB writers print its value, when the text alone tells:
 * plain decimal digits, at most 15 of them significant, from 1e-4 up to 1e16 (or zero), with
 * `.0` added to a whole number. A decimal of at most 15 significant digits is the only one of
 * that length to read as its double (IEEE 754's 15-digit guarantee), so JavaScript's shortest
 * print of the value is the text itself; `undefined` for any other text, to be parsed.
 * @example plainDouble('123.45') // '123.45'
 * @example plainDouble('1e16') // undefined
 */
export function plainDouble(text: string): string | undefined {
  if (!PLAIN_DECIMAL.test(text)) return undefined;
  const digits = text.startsWith('-') ? text.slice(1) : text;
  const point = digits.indexOf('.');
  if (point < 0) return digits.length <= 15 ? `${text}.0` : undefined;
  if (digits.startsWith('0.')) {
    const fraction = digits.slice(2);
    const significant = fraction.replace(/^0+/, '');
    // Below 1e-4 both writers switch to exponent notation.
    if (fraction.length - significant.length >= 4) return undefined;
    return significant.length <= 15 ? text : undefined;
  }
  return digits.length - 1 <= 15 ? text : undefined;
}

/** A server's double text as the CSV writer prints it. */
const csvDoubleText = (double: DoubleText) => plainDouble(double.text) ?? csvDouble(double.value);

/** A server's double text as the JSON writer prints it. */
const jsonDoubleText = (double: DoubleText) => plainDouble(double.text) ?? jsonDouble(double.value);

/**
 * A double as DuckDB's JSON writer prints it: JavaScript's shortest form with `1e21` (no `+`)
 * exponents, `.0` on whole numbers and the sign of -0.
 * @example jsonDouble(1e21) // '1e21'
 */
export function jsonDouble(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = doubleText(value);
  // JavaScript writes an exponent from 1e21 up and below 1e-6 alone; told by the size, most
  // values need no search of their text.
  const size = Math.abs(value);
  if (size >= 1e21 || (size < 1e-6 && value !== 0)) return text.replace('e+', 'e');
  if (text.includes('.')) return text;
  // The shortest text of -0 loses the sign that DuckDB keeps.
  return Object.is(value, -0) ? '-0.0' : `${text}.0`;
}

/** A non-null value as text in a CSV field. */
export function csvText(value: Exclude<ExportValue, null>): string {
  if (value instanceof Digits) return value.text;
  if (value instanceof DoubleText) return csvDoubleText(value);
  if (typeof value === 'number') return csvDouble(value);
  return String(value);
}

/** A value as a JSON value in a JSON lines export. */
export function jsonText(value: ExportValue): string {
  if (value === null) return 'null';
  if (value instanceof Digits) return value.text;
  if (value instanceof DoubleText) return jsonDoubleText(value);
  if (typeof value === 'number') return jsonDouble(value);
  return typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
