import { errorReason } from './error-details';

const MAX_LENGTH = 2000;

/** Lines where DuckDB starts generic advice that does not name this run's problem. */
const ADVICE = /^(Possible fixes|Possible solutions|Did you mean)\b/;

/**
 * Keeps DuckDB's own message (error class, CSV line number, the offending line and value) and
 * drops what follows: the generic advice and the echo of every reader option.
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
  const text = lines.join('\n').trim() || raw.trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
