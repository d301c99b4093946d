import type { Column, Columns } from '@sluice/stages';
import { sameColumnName } from '@sluice/stages';

import type { ColumnReference } from './check-sql';
import type { AstNode } from './parse-select';
import { columnReferences, nameOf } from './check-sql';
import { isNode, nodeList, selectOf } from './parse-select';

/** A problem with a SELECT: refused or worth a warning, or a column its inputs do not have. */
export type SelectProblem =
  | { kind: 'invalid' | 'unchecked'; message: string }
  | { kind: 'unknown-column'; column: string; available: readonly string[] };

/** A relation a SELECT reads in FROM, by the name it goes by there, with its columns if known. */
interface Source {
  name: string;
  columns: Columns;
}

/** The relations one SELECT reads, and those of the SELECTs around it (for correlated names). */
interface Scope {
  sources: readonly Source[];
  /** A join with USING or NATURAL, whose `*` each target lists in its own order. */
  merged: boolean;
  /** The lower-cased names the SELECT gives its output columns with AS. */
  aliases: ReadonlySet<string>;
  outer?: Scope;
}

/** Relations by lower-cased name: the inputs, then the WITH queries in reach. */
type Named = ReadonlyMap<string, Columns>;

/** What reading the scopes found, shared by every SELECT of the statement. */
interface Findings {
  problems: SelectProblem[];
  lambdaBound: ReadonlySet<string>;
}

/**
 * The output columns of a parsed SELECT over `inputs`, and the columns it names that its inputs
 * do not have, scope by scope (WITH queries, subqueries in FROM, correlated subqueries). A
 * column's name is known when it is written as a column or given with AS; `*` and `t.*` list
 * the columns of the relations they cover. Where a name depends on the database (an expression
 * with no AS, `*` over a USING join) the columns are unknown and a warning says why.
 */
export function selectScope(
  ast: AstNode,
  inputs: Readonly<Record<string, Columns>>,
  lambdaBound: ReadonlySet<string>,
): { problems: SelectProblem[]; columns: Columns } {
  const named = new Map(
    Object.entries(inputs).map(([port, columns]) => [port.toLowerCase(), columns]),
  );
  const findings: Findings = { problems: [], lambdaBound };
  const columns = readScope(ast, { named, findings, top: true });
  const names = columns?.map((c) => c.name.toLowerCase()) ?? [];
  const twice = columns?.find((c, i) => names.indexOf(c.name.toLowerCase()) !== i);
  if (twice) {
    findings.problems.push({
      kind: 'invalid',
      message: `Two output columns are named "${twice.name}"; give one another name with AS.`,
    });
  }
  return { problems: findings.problems, columns };
}

interface ReadContext {
  named: Named;
  findings: Findings;
  /** The statement's own SELECT, whose output is the stage's: only it warns about names. */
  top: boolean;
  outer?: Scope;
}

function readScope(select: AstNode, ctx: ReadContext): Columns {
  const named = withQueries(select, ctx);
  const items = nodeList(select.from);
  const sources = items.map((item) => sourceOf(item, { ...ctx, named, top: false }));
  const merged = items.some((item) => item.using !== undefined || isNatural(item));
  const aliases = new Set(
    nodeList(select.columns).flatMap((item) => nameOf(item.as)?.toLowerCase() ?? []),
  );
  const scope: Scope = { sources, merged, aliases, ...(ctx.outer ? { outer: ctx.outer } : {}) };
  const clauses = [select.columns, select.where, select.groupby, select.having, select.orderby];
  const inner = { ...ctx, named, top: false, outer: scope };
  for (const clause of [...clauses, ...items.map((item) => item.on)]) {
    const refs = columnReferences(clause, (sub) => {
      const query = selectOf(sub);
      if (query) readScope(query, inner);
    });
    refs.forEach((ref) => checkReference(ref, scope, ctx.findings));
  }
  const next = selectOf(select._next);
  if (next) readScope(next, { ...ctx, top: false });
  return outputOf(select, scope, ctx);
}

/** The relations in reach once the SELECT's WITH queries are read, each seeing those before it. */
function withQueries(select: AstNode, ctx: ReadContext): Named {
  const named = new Map(ctx.named);
  for (const query of nodeList(select.with)) {
    const name = nameOf(query.name);
    const body = selectOf(query.stmt);
    const columns = body ? readScope(body, { ...ctx, named, top: false }) : undefined;
    if (name !== undefined) named.set(name.toLowerCase(), columns);
  }
  return named;
}

/** The PostgreSQL grammar reads `a NATURAL JOIN b` as `a` named `NATURAL`, joined to `b`. */
function isNatural(item: AstNode): boolean {
  return nameOf(item.as)?.toLowerCase() === 'natural';
}

function sourceOf(item: AstNode, ctx: ReadContext): Source {
  const alias = isNatural(item) ? undefined : nameOf(item.as);
  if (typeof item.table === 'string') {
    return { name: alias ?? item.table, columns: ctx.named.get(item.table.toLowerCase()) };
  }
  const query = selectOf(item.expr);
  // A VALUES list's alias may carry its column names, `v(x, y)`: the name is before them.
  const name = alias?.replace(/\(.*$/s, '') ?? '';
  return { name, columns: query ? readScope(query, ctx) : undefined };
}

function visibleSources(scope: Scope | undefined): Source[] {
  return scope ? [...scope.sources, ...visibleSources(scope.outer)] : [];
}

function sourceNamed(scope: Scope | undefined, name: string): Source | undefined {
  return visibleSources(scope).find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/**
 * A column the SELECT names that its relations do not have. Only when every relation it could
 * come from has known columns; a qualifier that names no relation may be a DuckDB struct column,
 * and a bare name may be an output alias (ORDER BY, GROUP BY, and DuckDB's WHERE read them).
 */
function checkReference(ref: ColumnReference, scope: Scope, findings: Findings): void {
  const bare = ref.name.toLowerCase();
  const bound = scope.aliases.has(bare) || findings.lambdaBound.has(bare);
  if (ref.table === undefined && bound) return;
  const candidates =
    ref.table === undefined ? visibleSources(scope) : [sourceNamed(scope, ref.table)];
  const known = candidates.flatMap((source) => (source?.columns ? [source.columns] : []));
  if (known.length === 0 || known.length < candidates.length) return;
  const available = [...new Set(known.flat().map((c) => c.name))];
  if (available.some((name) => sameColumnName(name, ref.name))) return;
  const seen = findings.problems.some(
    (p) => p.kind === 'unknown-column' && sameColumnName(p.column, ref.name),
  );
  if (!seen) findings.problems.push({ kind: 'unknown-column', column: ref.name, available });
}

/** The output columns of one SELECT (of the first, for a UNION), or `undefined` where unknown. */
function outputOf(select: AstNode, scope: Scope, ctx: ReadContext): Columns {
  const items = nodeList(select.columns);
  const lists = items.map((item) => itemColumns(item, scope));
  items.forEach((item, i) => {
    const why = ctx.top && !lists[i] ? unknownWhy(item, scope) : undefined;
    if (why) ctx.findings.problems.push({ kind: 'unchecked', message: why(i + 1) });
  });
  const known: (readonly Column[])[] = lists.filter((columns) => columns !== undefined);
  return known.length === lists.length ? known.flat() : undefined;
}

function itemColumns(item: AstNode, scope: Scope): Columns {
  const expr = isNode(item.expr) ? item.expr : {};
  const as = nameOf(item.as);
  const ref = expr.type === 'column_ref' ? columnReferences(expr)[0] : undefined;
  if (expr.type === 'column_ref' && isStar(expr)) {
    const table = nameOf(expr.table);
    if (table === undefined && scope.merged) return undefined;
    const sources = table === undefined ? scope.sources : [sourceNamed(scope, table)];
    const lists = sources.map((source) => source?.columns);
    return lists.every((list) => list !== undefined) ? lists.flat() : undefined;
  }
  const column = ref && resolve(ref, scope);
  const type = column?.type ? { type: column.type } : {};
  if (as !== undefined) return [{ name: as, ...type }];
  if (!ref) return undefined;
  return [{ name: column?.name ?? ref.name, ...type }];
}

function isStar(expr: AstNode): boolean {
  return expr.column === '*';
}

/** The input column a reference reads, when its relation's columns are known. */
function resolve(ref: ColumnReference, scope: Scope): Column | undefined {
  const sources = ref.table === undefined ? scope.sources : [sourceNamed(scope, ref.table)];
  for (const source of sources) {
    const column = source?.columns?.find((c) => sameColumnName(c.name, ref.name));
    if (column) return column;
  }
  return undefined;
}

/** Why an output column's name cannot be known before the run, when Sluice is the cause. */
function unknownWhy(item: AstNode, scope: Scope): ((n: number) => string) | undefined {
  const expr = isNode(item.expr) ? item.expr : {};
  if (expr.type === 'column_ref' && isStar(expr)) {
    if (!scope.merged || nameOf(expr.table) !== undefined) return undefined;
    return () =>
      'SELECT * over a join with USING or NATURAL lists the columns in a different order on each target, so the stages after this one cannot check theirs; list the columns instead.';
  }
  return (n) =>
    `Output column ${n} is an expression with no name: each database names it its own way, so the stages after this one cannot check the columns they use. Name it with AS.`;
}
