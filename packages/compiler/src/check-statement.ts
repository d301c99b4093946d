import type { SqlCheckOptions } from './check-sql';
import { DEFAULT_METADATA_SCHEMA, scanUserSql } from './check-sql';
import { scanExpression } from './scan-sql';

const STATEMENT_READS = "a SQL statement may not touch Sluice's own tables";

/** One closing semicolon, which people often type, and the space around it. */
const CLOSING_SEMICOLON = /\s*;\s*$/;

/**
 * Checks a statement a person wrote for a SQL statement executor, and returns it as it runs
 * (without a closing semicolon) or why it cannot run. The lexical layers of the expression check
 * hold (`scanUserSql`): every quote closed and parentheses balanced under every target's lexing,
 * no further statement separator, comment or variable, no refused function; and it may not name
 * the metadata schema at all (not only as a qualifier: `DROP DATABASE sluice`, `USE sluice`).
 * @example checkSqlStatement('UPDATE t SET a = 1;') // { sql: 'UPDATE t SET a = 1' }
 */
export function checkSqlStatement(
  written: string,
  options: SqlCheckOptions = {},
): { sql: string } | { problem: string } {
  const sql = statementText(written);
  if (sql === '') return { problem: 'Write the statement to run.' };
  const scanned = scanUserSql(sql, options, { queries: true, reads: STATEMENT_READS });
  if ('problem' in scanned) return { problem: oneStatement(scanned.problem) };
  const metadata = (options.metadataSchema ?? DEFAULT_METADATA_SCHEMA).toLowerCase();
  const lexed = scanExpression(sql);
  // Names as each target reads them (quoted names bare, quoted texts blanked out).
  const readings = 'names' in lexed ? lexed.names : [];
  const words = readings.flatMap((text) => text.toLowerCase().match(/[\p{L}\p{N}_$]+/gu) ?? []);
  if (words.includes(metadata)) {
    return { problem: `"${metadata}" holds Sluice's own tables; ${STATEMENT_READS}.` };
  }
  return { sql };
}

/** The scan speaks of expressions; a second statement is named as such. */
function oneStatement(problem: string): string {
  return problem.startsWith('Semicolons')
    ? 'Write exactly one statement: a semicolon inside it would start another.'
    : problem;
}

/** The statement as it runs: without the closing semicolon people often type. */
export function statementText(written: string): string {
  return written.replace(CLOSING_SEMICOLON, '').trim();
}
