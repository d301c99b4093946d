import type { Columns } from '@sluice/stages';
import { closestName } from '@sluice/stages';

import type { SqlCheckOptions } from './check-sql';
import type { AstNode, SelectReading } from './parse-select';
import type { SelectProblem } from './select-scope';
import { nameOf, scanUserSql } from './check-sql';
import { isNode, nodeList, nodesOf, parseSelect, selectOf } from './parse-select';
import { selectScope } from './select-scope';

export type { SelectProblem } from './select-scope';

/** What checking a SELECT found: its problems, and its output columns where they are known. */
export interface ReadSelect {
  problems: readonly SelectProblem[];
  columns: Columns;
}

/**
 * What a SELECT may read: a SQL transform its inputs only, a SQL query origin the target's own
 * tables (Sluice's metadata schema aside, which the lexical layer refuses).
 */
export type SelectReads = 'inputs' | 'target';

const NOUN: Record<SelectReads, string> = { inputs: 'a SQL transform', target: 'a SQL query' };
const READS: Record<SelectReads, string> = {
  inputs: 'a SQL transform may only read its inputs',
  target: "a SQL query may only read the target's tables",
};

/**
 * Checks a SELECT a person wrote over a stage's inputs, which it reads as tables named by their
 * input ports (`inputs`, with the columns of each). The lexical layers of the expression check
 * (`scanUserSql`: one statement, no comments or variables, no refused function, no metadata
 * schema) hold, subqueries aside; then both grammars must read one SELECT (`WITH` allowed) with
 * no INTO, no locking clause and no table function, whose tables are only the inputs and its own
 * WITH queries. Text neither grammar reads is refused: Sluice cannot tell what it reads. Last, the
 * columns it names are checked against the inputs and its output columns derived (`selectScope`).
 * @example readSelect('SELECT * FROM a', { a: [{ name: 'id' }] }).columns // [{ name: 'id' }]
 */
export function readSelect(
  sql: string,
  inputs: Readonly<Record<string, Columns>>,
  options: SqlCheckOptions & { reads?: SelectReads } = {},
): ReadSelect {
  const reads = options.reads ?? 'inputs';
  if (sql.trim() === '') return refused('Write a SELECT over the inputs, e.g. SELECT * FROM a.');
  const scanned = scanUserSql(sql, options, { queries: true, reads: READS[reads] });
  if ('problem' in scanned) return refused(scanned.problem);
  const parsed = parseSelect(scanned.parsed, sql);
  if ('problem' in parsed) return refused(parsed.problem);
  const ports = Object.keys(inputs);
  for (const reading of parsed.readings) {
    const problem =
      statementProblem(reading.ast, NOUN[reads]) ??
      (reads === 'inputs' ? tableProblem(reading, ports) : undefined);
    if (problem) return refused(problem);
  }
  const [first] = parsed.readings;
  return first ? selectScope(first.ast, inputs, scanned.lambdaBound) : refused('Write a SELECT.');
}

function refused(message: string): ReadSelect {
  return { problems: [{ kind: 'invalid', message }], columns: undefined };
}

/** What makes the statement more than one read of its inputs, if anything. */
function statementProblem(ast: AstNode, noun: string): string | undefined {
  if (ast.type !== 'select') return `Write a SELECT (WITH … SELECT allowed): ${noun} only reads.`;
  for (const node of nodesOf(ast)) {
    const nested = [...nodeList(node.with).map((query) => query.stmt), node.ast];
    if (nested.some((query) => query !== undefined && !selectOf(query))) {
      return `Only SELECT is allowed, in WITH queries and subqueries too: ${noun} only reads.`;
    }
    if (isNode(node.into) && node.into.type === 'into') {
      return `SELECT … INTO is not allowed: ${noun}'s rows go to the stages linked after it.`;
    }
    if (node.locking_read) {
      return `FOR UPDATE and LOCK IN SHARE MODE are not allowed: ${noun} reads without taking locks.`;
    }
    const call = nodeList(node.from).find(
      (item) => isNode(item.expr) && item.expr.type === 'function',
    );
    if (call) {
      const name = isNode(call.expr) ? functionName(call.expr) : 'a function';
      return noun === NOUN.inputs
        ? `FROM ${name}(…) is not allowed: a SQL transform reads only its inputs, as tables named by their ports.`
        : `FROM ${name}(…) is not allowed: a SQL query reads only tables of the target.`;
    }
  }
  return undefined;
}

function functionName(call: AstNode): string {
  const parts = isNode(call.name) ? nodeList(call.name.name) : [];
  return parts.map(nameOf).join('.') || 'a function';
}

/** A table that is neither a linked input nor one of the SELECT's own WITH queries. */
function tableProblem(reading: SelectReading, ports: readonly string[]): string | undefined {
  const own = nodesOf(reading.ast).flatMap((node) =>
    nodeList(node.with).flatMap((query) => nameOf(query.name) ?? []),
  );
  const clash = own.find((name) => ports.some((port) => port.toLowerCase() === name.toLowerCase()));
  if (clash !== undefined) {
    return `The WITH query "${clash}" has the name of an input; give it another name.`;
  }
  const isOwn = (name: string) => own.some((query) => query.toLowerCase() === name.toLowerCase());
  const linked = ports.length === 0 ? 'none is linked' : ports.join(', ');
  for (const { schema, name } of reading.tables) {
    if (schema === undefined && (ports.includes(name) || isOwn(name))) continue;
    const written = schema === undefined ? name : `${schema}.${name}`;
    // One letter is one edit from any port name, so it gets a suggestion only for its case.
    const close = schema === undefined ? closestName(name, ports) : undefined;
    const suggestion = name.length > 1 || close === name.toLowerCase() ? close : undefined;
    const hint =
      suggestion === undefined
        ? `a SQL transform reads only its linked inputs, as tables named by their ports (${linked})`
        : `did you mean "${suggestion}"? A SQL transform reads only its linked inputs, named by their ports`;
    return `"${written}" is not an input of this stage: ${hint}.`;
  }
  return undefined;
}
