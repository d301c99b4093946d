// Only the PostgreSQL grammar (closest to DuckDB's expressions) is bundled into the web app.
import parser from 'node-sql-parser/build/postgresql';

const { Parser } = parser;
const sqlParser = new Parser();

/**
 * Checks user-written SQL that Sluice places inside parentheses as one expression (a filter
 * condition). Returns `undefined` when it is usable, otherwise a message a person can act on.
 *
 * Two layers: a lexical scan that guarantees the text cannot leave its parentheses (no `;`, no
 * comments, no unbalanced quotes or parentheses), then a parse of `SELECT * FROM t WHERE (<sql>)`
 * that must give one plain SELECT. The parser does not know every DuckDB construct (list
 * literals, doubled quotes in names), so a parse failure alone never rejects text the scan
 * accepted; the database reports any remaining mistake on the stage when the flow runs.
 * @example checkSqlExpression('amount > 0') // undefined
 * @example checkSqlExpression('a = 1; DROP TABLE x') // 'Semicolons are not allowed: …'
 */
export function checkSqlExpression(sql: string): string | undefined {
  if (sql.trim() === '') return 'Write an expression.';
  return scan(sql) ?? checkParsed(sql);
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

function checkParsed(sql: string): string | undefined {
  let ast: unknown;
  try {
    ast = sqlParser.astify(`SELECT * FROM t WHERE (${sql})`, { database: 'postgresql' });
  } catch {
    return undefined;
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
  return plain ? undefined : 'Write a single expression, not a query or several statements.';
}
