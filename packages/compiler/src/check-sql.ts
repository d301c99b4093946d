// Only the PostgreSQL grammar (closest to DuckDB's expressions) is bundled into the web app.
import parser from 'node-sql-parser/build/postgresql';

import { scanExpression } from './scan-sql';

const { Parser } = parser;
const sqlParser = new Parser();

/**
 * What is wrong with an expression: `invalid` blocks a run; `unchecked` means the parser could
 * not read it, so only the database will judge it when the flow runs.
 */
export interface SqlProblem {
  kind: 'invalid' | 'unchecked';
  message: string;
}

const NO_SUBQUERY = 'Subqueries are not allowed in an expression; link a stage instead.';

/**
 * A query hiding in text the parser may not read: any SELECT, or a parenthesis opening with a
 * word that starts a statement (DuckDB's FROM-first `(FROM t)`, MySQL's `(TABLE t)`).
 * @see https://duckdb.org/docs/stable/sql/query_syntax/from#from-first-syntax
 */
const SUBQUERY_START =
  /\bselect\b|\(\s*(?:from|with|table|values|pivot|unpivot|summarize|describe|show)\b/i;

/**
 * Functions that reach past a stage's inputs or hold the server: files on the database host
 * (`LOAD_FILE`, with the FILE privilege), sleeping and locks. A condition only reads rows.
 */
const SIDE_EFFECT_CALL =
  /\b(load_file|sleep|benchmark|get_lock|release_lock|release_all_locks|is_free_lock|is_used_lock|master_pos_wait|source_pos_wait|sys_exec|sys_eval)\s*\(/i;

/**
 * Checks user-written SQL that Sluice places inside parentheses as one expression (a filter
 * condition). Returns `undefined` when it is usable, otherwise a problem a person can act on.
 *
 * Two layers: a lexical scan (`scanExpression`) that guarantees the text cannot leave its
 * parentheses on any target, reading it both as DuckDB and as the MySQL family do (backslash
 * escapes, `#` comments, backquoted names), then a parse of `SELECT * FROM t WHERE (<sql>)` that
 * must give one plain SELECT with no subquery, since a stage reads only its linked inputs.
 * The parser does not know every DuckDB construct (list literals, doubled quotes in names), so
 * text it cannot read is reported as unchecked, not refused, unless it holds a SELECT.
 * @example checkSqlExpression('amount > 0') // undefined
 * @example checkSqlExpression('a = 1; DROP TABLE x') // { kind: 'invalid', message: 'Semicolons …' }
 */
export function checkSqlExpression(sql: string): SqlProblem | undefined {
  if (sql.trim() === '') return { kind: 'invalid', message: 'Write an expression.' };
  const scanned = scanExpression(sql);
  if ('problem' in scanned) return { kind: 'invalid', message: scanned.problem };
  // Every reading: what one target reads as quoted text may be bare SQL on another.
  if (scanned.unquoted.some((text) => SUBQUERY_START.test(text))) {
    return { kind: 'invalid', message: NO_SUBQUERY };
  }
  const call = scanned.unquoted.map((text) => SIDE_EFFECT_CALL.exec(text)?.[1]).find(Boolean);
  if (call) {
    return {
      kind: 'invalid',
      message: `${call.toUpperCase()}() is not allowed: an expression may only read the stage's input rows.`,
    };
  }
  return checkParsed(sql);
}

function checkParsed(sql: string): SqlProblem | undefined {
  let ast: unknown;
  try {
    ast = sqlParser.astify(`SELECT * FROM t WHERE (${sql})`, { database: 'postgresql' });
  } catch (error) {
    return {
      kind: 'unchecked',
      message: `Sluice could not read this expression (${parserReason(error)}); the database will check it when the flow runs.`,
    };
  }
  const statements: unknown[] = Array.isArray(ast) ? ast : [ast];
  const first = statements[0];
  const plain =
    statements.length === 1 &&
    typeof first === 'object' &&
    first !== null &&
    (first as { type?: unknown }).type === 'select' &&
    !(first as { _next?: unknown })._next &&
    !(first as { set_op?: unknown }).set_op;
  if (!plain) {
    return {
      kind: 'invalid',
      message: 'Write a single expression, not a query or several statements.',
    };
  }
  return holdsSubquery((first as { where?: unknown }).where)
    ? { kind: 'invalid', message: NO_SUBQUERY }
    : undefined;
}

/** The parser nests a subquery's statement under an `ast` key anywhere in the expression tree. */
function holdsSubquery(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if ('ast' in node) return true;
  return Object.values(node).some(holdsSubquery);
}

/** The parser's "Expected …, but X found." shortened to what it found. */
function parserReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const found = /but (.+) found\.?$/.exec(message);
  return found?.[1] === 'end of input' ? 'it ends too early' : `unexpected ${found?.[1] ?? 'text'}`;
}
