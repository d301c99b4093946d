import type { Completion } from '@codemirror/autocomplete';

/**
 * Functions that read the same on DuckDB, MySQL / MariaDB and MatrixOne, offered while a person
 * types an expression. Only portable ones, so a completion never leads to a target's refusal.
 */
const PORTABLE_FUNCTIONS: readonly [name: string, signature: string, info: string][] = [
  ['COALESCE', '(a, b, …)', 'The first argument that is not NULL.'],
  ['NULLIF', '(a, b)', 'NULL when a equals b, otherwise a.'],
  ['CAST', '(x AS type)', 'x converted to type.'],
  ['ABS', '(x)', 'Absolute value.'],
  ['ROUND', '(x, digits)', 'x rounded to digits decimals.'],
  ['FLOOR', '(x)', 'Largest integer not above x.'],
  ['CEIL', '(x)', 'Smallest integer not below x.'],
  ['GREATEST', '(a, b, …)', 'The largest argument.'],
  ['LEAST', '(a, b, …)', 'The smallest argument.'],
  ['UPPER', '(text)', 'Text in upper case.'],
  ['LOWER', '(text)', 'Text in lower case.'],
  ['TRIM', '(text)', 'Text without leading and trailing spaces.'],
  ['LENGTH', '(text)', 'Length of the text.'],
  ['SUBSTRING', '(text, start, length)', 'Part of the text, counting from 1.'],
  ['CONCAT', '(a, b, …)', 'The arguments joined as text.'],
  ['REPLACE', '(text, from, to)', 'Text with every from replaced by to.'],
  ['LEFT', '(text, n)', 'The first n characters.'],
  ['RIGHT', '(text, n)', 'The last n characters.'],
  ['YEAR', '(date)', 'The year of a date.'],
  ['MONTH', '(date)', 'The month of a date, 1 to 12.'],
  ['DAY', '(date)', 'The day of the month.'],
  ['EXTRACT', '(part FROM date)', 'A part (YEAR, MONTH, DAY, HOUR…) of a date or time.'],
  ['CURRENT_DATE', '', "Today's date."],
  ['CURRENT_TIMESTAMP', '', 'The time the statement started.'],
];

/** The portable functions as completions, each with its signature and what it returns. */
export const FUNCTION_COMPLETIONS: readonly Completion[] = PORTABLE_FUNCTIONS.map(
  ([label, signature, info]) => ({
    label,
    type: 'function',
    detail: signature,
    info,
    apply: signature.startsWith('(') ? `${label}(` : label,
  }),
);

/**
 * The keywords an expression is written with; a SELECT's own keywords are not offered. Single
 * words only: a label with a space would make the completion read back across words.
 */
export const KEYWORD_COMPLETIONS: readonly Completion[] = [
  'AND',
  'OR',
  'NOT',
  'IS',
  'IN',
  'BETWEEN',
  'LIKE',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'TRUE',
  'FALSE',
  'NULL',
].map((label) => ({ label, type: 'keyword', boost: -1 }));
