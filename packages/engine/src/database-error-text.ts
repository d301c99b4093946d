import { errorReason } from './error-details';

const MAX_LENGTH = 2000;

/** Lines where DuckDB starts generic advice that does not name this run's problem. */
const ADVICE = /^(Possible fixes|Possible solutions|Did you mean)\b/;

/** The words for a quoted field that never closes, naming the quote character. */
export const unclosedQuote = (quote: string): string =>
  `a quoted field is not closed (an unmatched \`${quote}\`)`;

/**
 * DuckDB gives the reason for an unclosed quote after the first paragraph, in words that name
 * no cause a person knows, and its "Original Line" runs on to the end of the file the field
 * swallowed: the reason is put in words with the quote character from DuckDB's echo of the
 * reader options, and only the line the quote opened on is kept.
 */
function withCsvReason(lines: string[], raw: string): string[] {
  if (!raw.includes('\nValue with unterminated quote found')) return lines;
  const quote = /^\s+quote = (.+?) \(/m.exec(raw)?.[1] ?? '"';
  const original = lines.findIndex((line) => line.startsWith('Original Line: '));
  return [...(original === -1 ? lines : lines.slice(0, original + 1)), unclosedQuote(quote)];
}

/**
 * Keeps DuckDB's own message (error class, CSV line number, the offending line and value) and
 * drops what follows: the generic advice and the echo of every reader option, keeping the
 * reason of an unclosed quote in words (`withCsvReason`).
 * @example databaseErrorText(new Error('Conversion Error: CSV Error on Line: 3\n...\n\n  file = x'))
 */
export function databaseErrorText(error: unknown): string {
  const raw = errorReason(error);
  const head = raw.split(/\n\s*\n/)[0] ?? raw;
  const lines: string[] = [];
  for (const line of head.split('\n')) {
    if (ADVICE.test(line)) break;
    lines.push(line.trimEnd());
  }
  const text = withCsvReason(lines, raw).join('\n').trim() || raw.trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
