/**
 * How one family of databases splits SQL text into quoted parts and the rest. An expression is
 * checked before anyone knows which database runs it (previews, flows moved between targets),
 * so it is read every way a target reads it and refused when any reading lets it out of its
 * parentheses.
 */
interface Lexing {
  /** Which databases read text this way and what they read differently, for messages. */
  readers: string;
  /** Each quote character, what it quotes, and whether a backslash inside escapes the next. */
  quotes: Readonly<Record<string, { quotes: 'text' | 'name'; backslash: boolean }>>;
  /** `#` starts a comment running to the end of the line. */
  hashComments: boolean;
  /** `E'…'` is a text in which a backslash escapes the next character. */
  escapeStrings: boolean;
  /** `@name`, `@'name'` and `@@name` read user, session and server variables. */
  variables: boolean;
}

/** DuckDB, like PostgreSQL: `''` inside text is a quote, backslash is ordinary outside `E'…'`. */
const STANDARD: Lexing = {
  readers:
    "when DuckDB reads it: there a backslash is an ordinary character and backquotes quote nothing; write a quote inside text as ''",
  quotes: {
    "'": { quotes: 'text', backslash: false },
    '"': { quotes: 'name', backslash: false },
  },
  hashComments: false,
  escapeStrings: true,
  // DuckDB reads `@` as an absolute value (`@ -5`), not as a variable.
  variables: false,
};

/**
 * MySQL, MariaDB and MatrixOne with `NO_BACKSLASH_ESCAPES` and `ANSI_QUOTES` off, as the engine
 * runs MySQL and MariaDB sessions and as MatrixOne's default mode is (sql-reference.md §0).
 * @see https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
 * @see https://dev.mysql.com/doc/refman/8.0/en/comments.html
 */
const MYSQL_FAMILY: Lexing = {
  readers:
    'when MySQL, MariaDB or MatrixOne read it: there a backslash inside quotes escapes the next character (so \\\' does not end a text), "…" is a text and `…` a name; double or remove such backslashes',
  quotes: {
    "'": { quotes: 'text', backslash: true },
    '"': { quotes: 'text', backslash: true },
    '`': { quotes: 'name', backslash: false },
  },
  hashComments: true,
  escapeStrings: false,
  variables: true,
};

const LEXINGS = [STANDARD, MYSQL_FAMILY] as const;

/** A problem with how the text splits; `structural` ones depend on the quoting rules. */
interface ScanProblem {
  message: string;
  structural: boolean;
}

interface Scan {
  problem?: ScanProblem;
  /** The text with every quoted part blanked out, for keyword searches. */
  unquoted: string;
  /**
   * The text with quoted texts blanked out and quoted names written bare when they are one
   * word, so `"pg_sleep"(1)` and `` `sluice`.flows `` read as the calls and names they are.
   */
  names: string;
}

/**
 * Either why the text cannot stay one operand, or, under every lexing, its unquoted text and
 * its text with names unquoted (see `Scan`).
 */
export type ExpressionScan = { problem: string } | { unquoted: string[]; names: string[] };

/**
 * Checks that `sql`, placed inside parentheses, stays one operand on every target: under each
 * lexing every quote is closed, parentheses balance outside quotes, and there is no statement
 * separator, comment (`--`, `/*`, and `#` on the MySQL family), dollar quote, or variable
 * (`@x`, `@@datadir` on the MySQL family: they read the server's paths and settings, and
 * `@x := 1` writes).
 * @example scanExpression("name = '\\' OR 1 = 1") // { problem: "A quoted text ('…') is not closed when MySQL, …" }
 */
export function scanExpression(sql: string): ExpressionScan {
  if (sql.includes('\0')) return { problem: 'The expression contains a NUL character.' };
  const scans = LEXINGS.map((lexing) => ({ lexing, ...scan(sql, lexing) }));
  const failed = scans.filter((s) => s.problem !== undefined);
  const first = failed[0];
  if (first?.problem) {
    const { message, structural } = first.problem;
    const onlyHere = structural && failed.length < scans.length;
    return { problem: onlyHere ? `${message} ${first.lexing.readers}.` : `${message}.` };
  }
  return { unquoted: scans.map((s) => s.unquoted), names: scans.map((s) => s.names) };
}

function scan(sql: string, lexing: Lexing): Scan {
  let depth = 0;
  let unquoted = '';
  let names = '';
  let i = 0;
  const fail = (message: string, structural: boolean): Scan => ({
    problem: { message, structural },
    unquoted,
    names,
  });
  while (i < sql.length) {
    const ch = sql.charAt(i);
    const quote = quoteAt(sql, i, lexing);
    if (quote) {
      const end = quoteEnd(sql, i, quote.backslash);
      if (end < 0) return fail(`A quoted ${quote.quotes} (${ch}…${ch}) is not closed`, true);
      unquoted += ' ';
      names += quote.quotes === 'name' ? bareName(sql.slice(i + 1, end - 1), ch) : ' ';
      i = end;
      continue;
    }
    const refused = refusedAt(sql, i, lexing);
    if (refused !== undefined) return fail(refused, false);
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (depth < 0) return fail('A closing parenthesis ")" has no matching "("', true);
    unquoted += ch;
    names += ch;
    i += 1;
  }
  return depth > 0 ? fail('A parenthesis "(" is not closed', true) : { unquoted, names };
}

/** A quoted name's text, spaced off, when it is one word; otherwise a blank. */
function bareName(inside: string, quote: string): string {
  const name = inside.replaceAll(quote + quote, quote);
  return /^[\p{L}\p{N}_$]+$/u.test(name) ? ` ${name} ` : ' ';
}

/** The quoting rule of a quote opening at `i`, if one does. */
function quoteAt(sql: string, i: number, lexing: Lexing): Lexing['quotes'][string] | undefined {
  const ch = sql.charAt(i);
  if (ch === "'" && lexing.escapeStrings && isEscapeStringPrefix(sql, i)) {
    return { quotes: 'text', backslash: true };
  }
  return lexing.quotes[ch];
}

/** The index just past the quote closing the one at `start`, or -1 when it is not closed. */
function quoteEnd(sql: string, start: number, backslash: boolean): number {
  const quote = sql.charAt(start);
  for (let i = start + 1; i < sql.length; i += 1) {
    const ch = sql.charAt(i);
    if (backslash && ch === '\\') i += 1;
    else if (ch === quote) {
      if (sql.charAt(i + 1) !== quote) return i + 1;
      i += 1;
    }
  }
  return -1;
}

/**
 * What may follow an `@` that is no variable on the MySQL family; anything else starts a
 * variable's name there (letters, digits, `.`, `_`, `$`, a quote or a second `@`).
 * @see https://dev.mysql.com/doc/refman/8.0/en/user-variables.html
 */
const NOT_A_VARIABLE = /^[\s(+-]?$/;

/** Why the unquoted character at `i` is refused, if it is. */
function refusedAt(sql: string, i: number, lexing: Lexing): string | undefined {
  const ch = sql.charAt(i);
  const next = sql.charAt(i + 1);
  if (ch === ';') return 'Semicolons are not allowed: write one expression, not statements';
  if (
    (ch === '-' && next === '-') ||
    (ch === '/' && next === '*') ||
    (ch === '#' && lexing.hashComments)
  ) {
    return 'Comments (--, /* */ or #) are not allowed in an expression';
  }
  if (ch === '$') return "Dollar signs are not allowed outside quotes; write text as '…'";
  if (ch === '@' && lexing.variables && !NOT_A_VARIABLE.test(next)) {
    return "Server and session variables (@@datadir, @x) are not allowed: an expression may only read the stage's input rows";
  }
  return undefined;
}

/** `E'…'` strings treat backslash as an escape; `name'…'` is not one (the E ends a word). */
function isEscapeStringPrefix(sql: string, at: number): boolean {
  const prefix = sql[at - 1];
  const before = sql[at - 2];
  // DuckDB names may hold any letter, so `éE'…'` is a name and a string, not an E string.
  return (
    (prefix === 'E' || prefix === 'e') && (before === undefined || !/[\p{L}\p{N}_$]/u.test(before))
  );
}

/**
 * The spans (start inclusive, end exclusive) of `sql` that some target reads as quoted text or a
 * quoted name; an unclosed quote runs to the end. A parameter reference inside one would be
 * pasted into a quoted part instead of standing as a value of its own.
 */
export function quotedSpans(sql: string): [number, number][] {
  return LEXINGS.flatMap((lexing) => {
    const spans: [number, number][] = [];
    let i = 0;
    while (i < sql.length) {
      const quote = quoteAt(sql, i, lexing);
      if (!quote) {
        i += 1;
        continue;
      }
      const end = quoteEnd(sql, i, quote.backslash);
      spans.push([i, end < 0 ? sql.length : end]);
      i = end < 0 ? sql.length : end;
    }
    return spans;
  });
}
