// Only the PostgreSQL grammar (closest to DuckDB's expressions) is bundled into the web app.
import parser from 'node-sql-parser/build/postgresql';

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
 * Where the parser cannot read the text, a query can still hide in it: any SELECT, or a
 * parenthesis opening with a word that starts a statement (DuckDB's FROM-first `(FROM t)`).
 * @see https://duckdb.org/docs/stable/sql/query_syntax/from#from-first-syntax
 */
const SUBQUERY_START =
  /\bselect\b|\(\s*(?:from|with|table|values|pivot|unpivot|summarize|describe|show)\b/i;

/**
 * Checks user-written SQL that Sluice places inside parentheses as one expression (a filter
 * condition). Returns `undefined` when it is usable, otherwise a problem a person can act on.
 *
 * Two layers: a lexical scan that guarantees the text cannot leave its parentheses (no `;`, no
 * comments, no unbalanced quotes or parentheses), then a parse of `SELECT * FROM t WHERE (<sql>)`
 * that must give one plain SELECT with no subquery, since a stage reads only its linked inputs.
 * The parser does not know every DuckDB construct (list literals, doubled quotes in names), so
 * text it cannot read is reported as unchecked, not refused, unless it holds a SELECT.
 * @example checkSqlExpression('amount > 0') // undefined
 * @example checkSqlExpression('a = 1; DROP TABLE x') // { kind: 'invalid', message: 'Semicolons …' }
 */
export function checkSqlExpression(sql: string): SqlProblem | undefined {
  if (sql.trim() === '') return { kind: 'invalid', message: 'Write an expression.' };
  const lexical = scan(sql);
  return lexical === undefined ? checkParsed(sql) : { kind: 'invalid', message: lexical };
}

type Quote = "'" | '"' | 'E';

/** Walks the text the way the database tokenizer does, tracking quotes and parentheses. */
function scan(sql: string): string | undefined {
  let depth = 0;
  let quote: Quote | undefined;
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === '\0') return 'The expression contains a NUL character.';
    if (quote === 'E' && ch === '\\') {
      i += 1;
      continue;
    }
    if (quote !== undefined) {
      const closer = quote === '"' ? '"' : "'";
      if (ch !== closer) continue;
      if (next === closer) i += 1;
      else quote = undefined;
      continue;
    }
    if (ch === "'") quote = isEscapeStringPrefix(sql, i) ? 'E' : "'";
    else if (ch === '"') quote = '"';
    else if (ch === ';') return 'Semicolons are not allowed: write one expression, not statements.';
    else if ((ch === '-' && next === '-') || (ch === '/' && next === '*')) {
      return 'Comments (-- or /* */) are not allowed in an expression.';
    } else if (ch === '$') {
      return "Dollar signs are not allowed outside quotes; write text as '…'.";
    } else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth < 0) return 'A closing parenthesis ")" has no matching "(".';
    }
  }
  if (quote === '"') return 'A quoted name ("…") is not closed.';
  if (quote !== undefined) return "A quoted text ('…') is not closed.";
  if (depth > 0) return 'A parenthesis "(" is not closed.';
  return undefined;
}

/** `E'…'` strings treat backslash as an escape; `name'…'` is not one (the E ends a word). */
function isEscapeStringPrefix(sql: string, quoteAt: number): boolean {
  const prefix = sql[quoteAt - 1];
  const before = sql[quoteAt - 2];
  return (prefix === 'E' || prefix === 'e') && (before === undefined || !/\w/.test(before));
}

function checkParsed(sql: string): SqlProblem | undefined {
  let ast: unknown;
  try {
    ast = sqlParser.astify(`SELECT * FROM t WHERE (${sql})`, { database: 'postgresql' });
  } catch (error) {
    if (SUBQUERY_START.test(withoutQuotedText(sql)))
      return { kind: 'invalid', message: NO_SUBQUERY };
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

/** The text with quoted strings and names blanked out, for keyword searches. */
function withoutQuotedText(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, ' ');
}
