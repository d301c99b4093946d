import type { CastColumn, CastNode, CastType } from '@sluice/stages';
import { BOOLEAN_WORDS, castSource, castTypeLabel } from '@sluice/stages';

import type { Dialect } from '../dialects';
import {
  DATE_TEXT,
  decimalBound,
  decimalRoundsOver,
  decimalText,
  DOUBLE_TEXT,
  INTEGER_RANGE,
  INTEGER_TEXT,
  SCIENTIFIC_TEXT,
  TIMESTAMP_TEXT,
} from './cast-patterns';

/**
 * A conversion of one non-NULL value: the condition it must meet (absent when every value
 * converts) and the converted value, which is only evaluated when the condition holds, so no
 * target ever casts a value it would reject or bend (MySQL turns `abc` into 0 with a warning).
 */
interface Conversion {
  valid?: string;
  value: string;
}

/**
 * One cast column as SQL: NULL stays NULL, a value meeting the conversion's condition is
 * converted, any other fails the statement or becomes NULL. The condition, not the target's own
 * cast, decides what converts, so every target accepts the same values.
 */
export function castColumnSql(
  column: CastColumn,
  onError: CastNode['onError'],
  dialect: Dialect,
): string {
  const value = dialect.quoteIdentifier(column.name);
  const conversion = convert(value, column, dialect);
  if (conversion.valid === undefined) return conversion.value;
  const failed =
    onError === 'null'
      ? 'NULL'
      : dialect.castFailure(failureMessage(column), textOf(value, column, dialect), column.to);
  return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${conversion.valid} THEN ${conversion.value} ELSE ${failed} END`;
}

function failureMessage(column: CastColumn): string {
  return `Cast of column "${column.name}" to ${castTypeLabel(column.to)} failed on the value: `;
}

/** The value as text: as it is for text (VARCHAR), the target's text of it otherwise. */
function textOf(value: string, column: CastColumn, dialect: Dialect): string {
  return column.from === 'VARCHAR' ? value : dialect.castTo(value, { name: 'text' });
}

function convert(value: string, column: CastColumn, dialect: Dialect): Conversion {
  const { to } = column;
  const source = castSource(column.from);
  const textual = to.name === 'varchar' || to.name === 'text';
  switch (source) {
    case 'text':
      return fromText(textOf(value, column, dialect), to, dialect);
    case 'number':
      if (textual) return fromText(dialect.castTo(value, { name: 'text' }), to, dialect);
      return fromNumber(value, to, { dialect, double: column.from === 'DOUBLE' });
    case 'boolean': {
      if (to.name === 'boolean') return { value: dialect.castTo(value, to) };
      if (textual)
        return fromText(
          `CASE WHEN ${value} THEN 'true' WHEN NOT ${value} THEN 'false' END`,
          to,
          dialect,
        );
      const number = `CASE WHEN ${value} THEN 1 WHEN NOT ${value} THEN 0 END`;
      return fromNumber(number, to, { dialect, double: false });
    }
    case 'date':
    case 'timestamp': {
      if (to.name === 'date' || to.name === 'timestamp')
        return { value: dialect.castTo(value, to) };
      if (!textual) throw new Error(`A ${source} has no portable cast to ${to.name}.`);
      const text =
        source === 'date' ? dialect.castTo(value, { name: 'text' }) : dialect.timestampText(value);
      return fromText(text, to, dialect);
    }
  }
}

/** Text converts when it spells a value of the type (see `cast-patterns.ts`). */
function fromText(text: string, to: CastType, dialect: Dialect): Conversion {
  const trimmed = `TRIM(${text})`;
  switch (to.name) {
    case 'integer':
    case 'bigint': {
      const { min, max } = INTEGER_RANGE[to.name];
      const whole = dialect.castTo(trimmed, { name: 'decimal', precision: 20, scale: 0 });
      // The range is checked on text already known to be a number, so nothing else is cast.
      const valid = `CASE WHEN ${dialect.matches(text, INTEGER_TEXT)} THEN ${whole} BETWEEN ${min} AND ${max} ELSE FALSE END`;
      return { valid, value: dialect.castTo(whole, to) };
    }
    case 'decimal': {
      // Plain digits are checked exactly; scientific notation (a double's text) by magnitude.
      const plain = dialect.matches(text, decimalText(to.precision, to.scale));
      const over = dialect.matches(text, decimalRoundsOver(to.precision, to.scale));
      const scientific = dialect.matches(text, SCIENTIFIC_TEXT);
      const magnitude = `ABS(${dialect.castTo(trimmed, { name: 'double' })}) < ${decimalBound(to.precision, to.scale)}`;
      return {
        valid: `CASE WHEN ${plain} THEN NOT ${over} WHEN ${scientific} THEN ${magnitude} ELSE FALSE END`,
        value: dialect.castTo(trimmed, to),
      };
    }
    case 'double':
      return { valid: dialect.matches(text, DOUBLE_TEXT), value: dialect.castTo(trimmed, to) };
    case 'varchar':
      return {
        valid: `CHAR_LENGTH(${text}) <= ${dialect.scalar(to.length)}`,
        value: dialect.castTo(text, to),
      };
    case 'text':
      return { value: text };
    case 'boolean': {
      const word = `LOWER(${trimmed})`;
      const all = [...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false].join('|');
      const truths = BOOLEAN_WORDS.true.map((w) => dialect.literal(w)).join(', ');
      return {
        valid: dialect.matches(word, `(?-i)^(${all})\\z`),
        value: `${word} IN (${truths})`,
      };
    }
    case 'date':
      return { valid: dialect.matches(text, DATE_TEXT), value: dialect.castTo(trimmed, to) };
    case 'timestamp':
      return { valid: dialect.matches(text, TIMESTAMP_TEXT), value: dialect.castTo(trimmed, to) };
    case 'json':
      return { valid: `JSON_VALID(${text})`, value: dialect.castTo(text, to) };
  }
}

/**
 * Numbers round to integers (halves of a double to even, of a decimal away from zero, as every
 * target's cast does) and to decimals, and must fit.
 */
function fromNumber(
  number: string,
  to: CastType,
  { dialect, double }: { dialect: Dialect; double: boolean },
): Conversion {
  switch (to.name) {
    case 'integer':
    case 'bigint': {
      const { min, max } = INTEGER_RANGE[to.name];
      return {
        valid: `${number} > ${min}.5 AND ${number} < ${max}.5`,
        value: dialect.castTo(number, to),
      };
    }
    case 'decimal': {
      const bound = decimalBound(to.precision, to.scale);
      return {
        valid: `${number} > -${bound} AND ${number} < ${bound}`,
        value: double ? dialect.decimalOfDouble(number, to) : dialect.castTo(number, to),
      };
    }
    case 'double':
      return { value: dialect.castTo(number, to) };
    case 'boolean':
      return { value: `${number} <> 0` };
    default:
      throw new Error(`A number has no portable cast to ${to.name}.`);
  }
}
