import { LRUCache } from 'lru-cache';

import type { DeniedReason } from './dialects/denied-functions';
import { deniedFunction } from './dialects/denied-functions';
import { PARSE_BATCH, parseTogether } from './parse-together';
import { parserReason } from './parser-reason';
import { scanExpression } from './scan-sql';
import { WHERE_START, whereParser } from './where-parser';

/**
 * What is wrong with an expression: `invalid` blocks a run; `unchecked` means the parser could
 * not read it, so only the database will judge it when the flow runs.
 */
export interface SqlProblem {
  kind: 'invalid' | 'unchecked';
  message: string;
}

/** What checking an expression found: its problem, or the input columns it names. */
export interface ReadExpression {
  problem?: SqlProblem;
  /** The unqualified column names it reads, as written; absent when it could not be parsed. */
  columns?: readonly string[];
}

export interface SqlCheckOptions {
  /** The schema or database holding Sluice's own tables; a name qualified by it is refused. */
  metadataSchema?: string;
}

/** Where Sluice keeps its tables unless told otherwise (`SLUICE_METADATA_DATABASE`). */
export const DEFAULT_METADATA_SCHEMA = 'sluice';

const NO_SUBQUERY = 'Subqueries are not allowed in an expression; link a stage instead.';

/**
 * A query hiding in text the parser may not read: any SELECT, or a parenthesis opening with a
 * word that starts a statement (DuckDB's FROM-first `(FROM t)`, MySQL's `(TABLE t)`).
 * @see https://duckdb.org/docs/stable/sql/query_syntax/from#from-first-syntax
 */
const SUBQUERY_START =
  /\bselect\b|\(\s*(?:from|with|table|values|pivot|unpivot|summarize|describe|show)\b/i;

/** A word followed by `(`: a call, also as a method (`x.f()`) or qualified (`main.f()`). */
const CALL = /([\p{L}\p{N}_$]+)\s*\(/gu;

/** A word followed by `.`: a qualifier of the name after it. */
const QUALIFIER = /([\p{L}\p{N}_$]+)\s*\./gu;

/**
 * A DuckDB lambda as a call's argument, binding one name (`x -> …`) or several (`(a, b) -> …`).
 * @see https://duckdb.org/docs/stable/sql/functions/lambda
 */
const LAMBDA = /[(,]\s*(?:([\p{L}\p{N}_$]+)|\(([\p{L}\p{N}_$\s,]+)\))\s*->(?!>)/gu;

/**
 * The word every `LAMBDA_KEYWORD` match holds, read with the same flags: text without it is
 * spared the slower search.
 */
const LAMBDA_WORD = /lambda/iu;

/** DuckDB's newer lambda form, `lambda x: …` or `lambda a, b: …` (not a `::` cast). */
const LAMBDA_KEYWORD =
  /(?<![\p{L}\p{N}_$])lambda\s+([\p{L}\p{N}_$]+(?:\s*,\s*[\p{L}\p{N}_$]+)*)\s*:(?!:)/giu;

const WHY_DENIED: Record<DeniedReason, string> = {
  waits: 'it waits, holding the run and its destination',
  locks: 'it takes or reads server locks',
  files: 'it reads or writes files on the database server',
  settings: 'it reads server settings, secrets or the environment',
  network: 'it reaches out of the database (the network or the host)',
  sql: 'it runs code or SQL text of its own',
  writes: 'it changes the database',
};

/** The first wrapper `checkParsed` puts around the text, which parser positions count in. */
const WRAP_START = `${WHERE_START}(`;

/**
 * Checks user-written SQL that Sluice places inside parentheses as one expression (a filter
 * condition). Returns `undefined` when it is usable, otherwise a problem a person can act on.
 * @example checkSqlExpression('amount > 0') // undefined
 * @example checkSqlExpression('a = 1; DROP TABLE x') // { kind: 'invalid', message: 'Semicolons …' }
 */
export function checkSqlExpression(
  sql: string,
  options: SqlCheckOptions = {},
): SqlProblem | undefined {
  return readExpression(sql, options).problem;
}

/**
 * What expressions read, by metadata schema and text. A flow is analysed again on every change
 * in the editor and on every preview and run on the server, and parsing is most of an analysis
 * (a tenth of a millisecond an expression), so each text is parsed once while it is in use.
 * Bounded by the characters of the texts kept, about 2 MB.
 */
const READ_EXPRESSIONS = new LRUCache<string, ReadExpression>({
  maxSize: 1_000_000,
  sizeCalculation: (_read, key) => key.length,
});

/**
 * Checks an expression and reports the columns it reads. Three layers: a lexical scan
 * (`scanExpression`) that guarantees the text cannot leave its parentheses on any target,
 * reading it both as DuckDB and as the MySQL family do (backslash escapes, `#` comments,
 * backquoted names); a search of every such reading for calls of a function some target refuses
 * (waits, locks, files, …; see `dialects/denied-functions.ts`) and for names qualified by the
 * metadata schema; then a parse of `SELECT * FROM t WHERE (<sql>)` that must give one plain
 * SELECT with no subquery, since a stage reads only its linked inputs. The parser does not know
 * every DuckDB construct (list literals, doubled quotes in names), so text it cannot read is
 * reported as unchecked, not refused, unless it holds a SELECT.
 * @example readExpression("stauts = 'paid'").columns // ['stauts']
 */
export function readExpression(sql: string, options: SqlCheckOptions = {}): ReadExpression {
  const key = readKey(sql, options);
  const known = READ_EXPRESSIONS.get(key);
  if (known) return known;
  const scanned = scanExpressionText(sql, options);
  const read =
    'problem' in scanned ? scanned : checkParsed(sql, scanned.parsed, scanned.lambdaBound);
  READ_EXPRESSIONS.set(key, read);
  return read;
}

/**
 * Reads every expression of `sqls` not read yet, as `readExpression` would one by one, so that
 * its calls for them find them read: the lexical layers for each, then a few parses reading
 * many at once (`parseTogether`). A text those cannot prove was read as itself is parsed
 * alone, so what is kept for it, messages and positions included, is the same.
 */
export function readExpressions(sqls: Iterable<string>, options: SqlCheckOptions = {}): void {
  const pending = new Map<string, ScannedSql & { sql: string }>();
  for (const sql of sqls) {
    const key = readKey(sql, options);
    if (READ_EXPRESSIONS.has(key) || pending.has(key)) continue;
    const scanned = scanExpressionText(sql, options);
    if ('problem' in scanned) READ_EXPRESSIONS.set(key, scanned);
    else pending.set(key, { sql, ...scanned });
  }
  const texts = [...pending];
  // A batch at a time, so each batch's trees are read and dropped before the next is parsed:
  // kept until all were parsed, they would be copied by every collection in between.
  for (let from = 0; from < texts.length; from += PARSE_BATCH) {
    const chunk = texts.slice(from, from + PARSE_BATCH);
    const nodes = parseTogether(chunk.map(([, { parsed }]) => parsed));
    for (const [i, [key, { sql, parsed, lambdaBound }]] of chunk.entries()) {
      const node = nodes[i];
      const read = node ? readWhere(node, lambdaBound) : checkParsed(sql, parsed, lambdaBound);
      READ_EXPRESSIONS.set(key, read);
    }
  }
}

function readKey(sql: string, options: SqlCheckOptions): string {
  return `${options.metadataSchema ?? DEFAULT_METADATA_SCHEMA}\u0000${sql}`;
}

/** The lexical layers of `readExpression`: what they refuse, or the text for the parser. */
function scanExpressionText(
  sql: string,
  options: SqlCheckOptions,
): ScannedSql | { problem: SqlProblem } {
  if (sql.trim() === '') return invalid('Write an expression.');
  const scanned = scanUserSql(sql, options, { queries: false, reads: EXPRESSION_READS });
  return 'problem' in scanned ? invalid(scanned.problem) : scanned;
}

function invalid(message: string): { problem: SqlProblem } {
  return { problem: { kind: 'invalid', message } };
}

const EXPRESSION_READS = "an expression may only read the stage's input rows";

/** The text as the parser should read it, once it passed the lexical layers of the check. */
export interface ScannedSql {
  /** The text with DuckDB's `lambda x:` written as arrows, positions unchanged. */
  parsed: string;
  /** The lower-cased names lambdas bind, which the parser reads as column references. */
  lambdaBound: ReadonlySet<string>;
}

/**
 * The lexical layers every piece of user SQL passes before it is parsed: `scanExpression`, then
 * (for an expression, `queries: false`) no subquery, then no call of a refused function and no
 * name qualified by the metadata schema, in every reading. `reads` ends the refusals' messages.
 */
export function scanUserSql(
  sql: string,
  options: SqlCheckOptions,
  how: { queries: boolean; reads: string },
): { problem: string } | ScannedSql {
  const scanned = scanExpression(sql);
  if ('problem' in scanned) return scanned;
  // Every reading: what one target reads as quoted text may be bare SQL on another.
  if (!how.queries && scanned.unquoted.some((text) => SUBQUERY_START.test(text))) {
    return { problem: NO_SUBQUERY };
  }
  const refused =
    deniedCall(scanned.names, how.reads) ?? metadataName(scanned.names, options, how.reads);
  if (refused) return { problem: refused };
  return {
    parsed: arrowLambdas(sql, scanned.unquoted),
    lambdaBound: lambdaParameters(scanned.names),
  };
}

function deniedCall(readings: readonly string[], reads: string): string | undefined {
  for (const text of readings) {
    for (const [, name = ''] of text.matchAll(CALL)) {
      const denied = deniedFunction(name);
      if (!denied) continue;
      const where = denied.products.join(', ').replace(/, ([^,]+)$/, ' and $1');
      const only = `${reads.charAt(0).toUpperCase()}${reads.slice(1)}`;
      return `${name.toUpperCase()}() is not allowed: on ${where} ${WHY_DENIED[denied.reason]}. ${only}.`;
    }
  }
  return undefined;
}

function metadataName(
  readings: readonly string[],
  options: SqlCheckOptions,
  reads: string,
): string | undefined {
  const metadata = (options.metadataSchema ?? DEFAULT_METADATA_SCHEMA).toLowerCase();
  for (const text of readings) {
    if (!text.includes('.')) continue;
    for (const [, name = ''] of text.matchAll(QUALIFIER)) {
      if (name.toLowerCase() !== metadata) continue;
      return `"${name}" holds Sluice's own tables; ${reads}.`;
    }
  }
  return undefined;
}

/**
 * The lower-cased names the lambdas in any reading bind. The parser reads a lambda's arrow as
 * JSON's `->` (and `lambda x: …` only once written as an arrow, see `arrowLambdas`), so their
 * parameters come back as column references.
 */
function lambdaParameters(readings: readonly string[]): ReadonlySet<string> {
  const bound = new Set<string>();
  for (const text of readings) {
    if (!text.includes('->') && !LAMBDA_WORD.test(text)) continue;
    for (const [, one, several = ''] of text.matchAll(LAMBDA)) {
      for (const name of one === undefined ? several.split(',') : [one]) {
        bound.add(name.trim().toLowerCase());
      }
    }
    for (const [, names = ''] of text.matchAll(LAMBDA_KEYWORD)) {
      for (const name of names.split(',')) bound.add(name.trim().toLowerCase());
    }
  }
  return bound;
}

/**
 * The text with each `lambda a, b:` written as the arrow form `(a, b) ->` the parser reads,
 * padded to the same length so its positions still point into the person's text. Only when
 * every such word is outside quotes in every reading; otherwise the text is left as written.
 */
function arrowLambdas(sql: string, unquoted: readonly string[]): string {
  if (!LAMBDA_WORD.test(sql)) return sql;
  const count = (text: string) => [...text.matchAll(LAMBDA_KEYWORD)].length;
  const found = count(sql);
  if (found === 0 || unquoted.some((text) => count(text) !== found)) return sql;
  return sql.replaceAll(LAMBDA_KEYWORD, (whole, names: string) => {
    return `(${names})${' '.repeat(whole.length - names.length - 4)}->`;
  });
}

/** Parses `parsed`, the person's `sql` as the parser reads it (same length), for its columns. */
function checkParsed(
  sql: string,
  parsed: string,
  lambdaBound: ReadonlySet<string>,
): ReadExpression {
  let ast: unknown;
  try {
    ast = whereParser.astify(`${WRAP_START}${parsed})`, { database: 'postgresql' });
  } catch (error) {
    return {
      problem: {
        kind: 'unchecked',
        message: `Sluice could not read this expression: ${parserReason(error, sql, WRAP_START.length)}; the database will check it when the flow runs.`,
      },
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
  if (!plain) return invalid('Write a single expression, not a query or several statements.');
  return readWhere((first as { where?: unknown }).where, lambdaBound);
}

/** What the WHERE node the parser read an expression as says: a subquery, or its columns. */
function readWhere(where: unknown, lambdaBound: ReadonlySet<string>): ReadExpression {
  const found: ColumnReference[] = [];
  if (!referencesUnlessSubquery(where, found)) return invalid(NO_SUBQUERY);
  const columns = unqualified(found).filter((name) => !lambdaBound.has(name.toLowerCase()));
  return { columns: [...new Set(columns)] };
}

/**
 * Where the parser puts a node's span when a batch asks for spans (`parseTogether`): offsets,
 * lines and columns only, never a reference or a subquery, so the walks below pass it by
 * (it is most of the objects in such a tree).
 */
const SPAN = 'loc';

/**
 * Adds the references under `node` to `found` as `columnReferences` does, in the same walk as
 * the search for a subquery (`holdsSubquery`, which looks under every node, also where no
 * reference is looked for); false as soon as one is found. One walk, since every expression a
 * flow holds is walked on its first reading.
 */
function referencesUnlessSubquery(node: unknown, found: ColumnReference[]): boolean {
  if (typeof node !== 'object' || node === null) return true;
  if ('ast' in node) return false;
  const ref = node as ColumnRefNode;
  if (ref.type === 'column_ref') {
    const reference = referenceOf(ref);
    if (reference) found.push(reference);
    return !holdsSubquery(node);
  }
  const converted = convertedValue(node);
  if (converted !== undefined) {
    return referencesUnlessSubquery(converted, found) && !holdsSubquery(node);
  }
  const fields = node as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (key !== SPAN && !referencesUnlessSubquery(fields[key], found)) return false;
  }
  return true;
}

/** The parser nests a subquery's statement under an `ast` key anywhere in the expression tree. */
function holdsSubquery(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if ('ast' in node) return true;
  const fields = node as Record<string, unknown>;
  return Object.keys(fields).some((key) => key !== SPAN && holdsSubquery(fields[key]));
}

/**
 * Bare words the parser reads as column references that the targets read as values
 * (`x IS UNKNOWN`, `ts < LOCALTIMESTAMP`); quoted, they are column names again.
 */
const VALUE_KEYWORDS = new Set([
  'unknown',
  'localtime',
  'localtimestamp',
  'current_catalog',
  'current_schema',
  'current_role',
  'current_time',
  'current_date',
  'current_timestamp',
  'current_user',
  'session_user',
  'system_user',
  'user',
]);

/** Columns DuckDB gives every base table without declaring them; a view has none. */
const PSEUDO_COLUMNS = new Set(['rowid']);

/** A column a parsed query names, with the table or alias it is qualified by, if any. */
export interface ColumnReference {
  table?: string;
  name: string;
}

/**
 * The names of the unqualified references among `references`. Qualified ones (`s.field`) are left
 * out: in DuckDB they may be a struct column's field, which only the database can tell.
 */
function unqualified(references: readonly ColumnReference[]): string[] {
  return references.flatMap((ref) => (ref.table === undefined ? [ref.name] : []));
}

/**
 * The column references in a tree the parser (PostgreSQL or MySQL grammar) built, leaving out
 * `*`, words the targets read as values, pseudo columns and names qualified by a schema. A
 * subquery met on the way (a node holding `ast`) goes to `subquery` instead, when given, so a
 * caller can read it in its own scope.
 */
export function columnReferences(
  node: unknown,
  subquery?: (ast: unknown) => void,
): ColumnReference[] {
  const found: ColumnReference[] = [];
  collectReferences(node, { found, ...(subquery ? { subquery } : {}) });
  return found;
}

/** Adds the references under `node` to `into.found`, in the order `columnReferences` gives. */
function collectReferences(
  node: unknown,
  into: { found: ColumnReference[]; subquery?: (ast: unknown) => void },
): void {
  if (typeof node !== 'object' || node === null) return;
  if (into.subquery && 'ast' in node) {
    into.subquery(node.ast);
    return;
  }
  const ref = node as ColumnRefNode;
  if (ref.type === 'column_ref') {
    const found = referenceOf(ref);
    if (found) into.found.push(found);
    return;
  }
  const converted = convertedValue(node);
  if (converted !== undefined) {
    collectReferences(converted, into);
    return;
  }
  for (const child of Object.values(node)) collectReferences(child, into);
}

interface ColumnRefNode {
  type?: unknown;
  table?: unknown;
  schema?: unknown;
  column?: unknown;
}

/** The reference a `column_ref` node makes, unless it is one `columnReferences` leaves out. */
function referenceOf(ref: ColumnRefNode): ColumnReference | undefined {
  if (ref.schema) return undefined;
  const column = ref.column as { expr?: { type?: unknown; value?: unknown } } | string;
  const name = typeof column === 'string' ? column : column.expr?.value;
  const bare = typeof column === 'string' || column.expr?.type === 'default';
  if (typeof name !== 'string' || name === '*') return undefined;
  const lower = name.toLowerCase();
  if (PSEUDO_COLUMNS.has(lower) || (bare && VALUE_KEYWORDS.has(lower))) return undefined;
  if (!ref.table) return { name };
  const table = nameOf(ref.table);
  return table === undefined ? undefined : { table, name };
}

/** A name the parser gives as a string or as `{ value }`; `undefined` when absent. */
export function nameOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  const value = (node as { value?: unknown } | null)?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The value of the MySQL family's `CONVERT(x, SIGNED)`, whose second argument is a type the
 * parser reads as a column reference.
 * @see https://dev.mysql.com/doc/refman/8.0/en/cast-functions.html#function_convert
 */
function convertedValue(node: object): unknown {
  const call = node as { type?: unknown; name?: { name?: unknown }; args?: { value?: unknown } };
  if (call.type !== 'function' || !Array.isArray(call.args?.value)) return undefined;
  const parts: unknown[] = Array.isArray(call.name?.name) ? call.name.name : [];
  const [part, ...qualified] = parts;
  const name = (part as { value?: unknown } | undefined)?.value;
  const convert = typeof name === 'string' && name.toLowerCase() === 'convert';
  const args: unknown[] = call.args.value;
  return convert && qualified.length === 0 && args.length === 2 ? args[0] : undefined;
}
