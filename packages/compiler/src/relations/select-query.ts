import type { Dialect } from '../dialects';

/**
 * One SELECT as operators build it, clause by clause, before a dialect spells it (Kysely's
 * `SelectQueryNode`). Each clause holds SQL already rendered by the dialect.
 */
export interface SelectQuery {
  /** The select list; `*` passes every column of `from` through. */
  columns: '*' | readonly string[];
  /** `SELECT DISTINCT`: one row per distinct row of the select list. */
  distinct?: boolean;
  /** A quoted relation name, or a parenthesised query with its alias. */
  from: string;
  where?: string;
  /** Grouping keys; a query with them outputs one row per group, so later clauses wrap it. */
  groupBy?: readonly string[];
  orderBy?: readonly string[];
  limit?: { count: number; offset: number };
  /**
   * The whole query as a person wrote it (see `writtenQuery`), which means `SELECT * FROM from`:
   * spelled as written while no clause is added to it.
   */
  written?: string;
}

/** `SELECT * FROM <from>`: a relation read as it is. */
export function selectAll(from: string): SelectQuery {
  return { columns: '*', from };
}

/** Names the derived table a wrapped query becomes; every target needs one. */
const DERIVED_ALIAS = '__sluice_in';

/** `(<sql>) AS <alias>`: a query (or a set operation) read as a relation in FROM. */
export function derivedTable(sql: string, dialect: Pick<Dialect, 'quoteIdentifier'>): string {
  return `(${sql}) AS ${dialect.quoteIdentifier(DERIVED_ALIAS)}`;
}

/**
 * A query written out whole (a person's SELECT, prefixed with its inputs): rendered as it is,
 * and read as a derived table by an operator that adds a clause to it, since it is no clause list.
 */
export function writtenQuery(sql: string, dialect: Pick<Dialect, 'quoteIdentifier'>): SelectQuery {
  return { ...selectAll(derivedTable(sql, dialect)), written: sql };
}

/**
 * The clauses in the order SQL applies them, after FROM. A grouped query's select list holds its
 * aggregates, so a filter after it wraps it (a WHERE over its rows) rather than become HAVING.
 */
const CLAUSE_ORDER = ['where', 'columns', 'groupBy', 'orderBy', 'limit'] as const;
type Clause = (typeof CLAUSE_ORDER)[number];

/**
 * The query an operator may add `clause` to: `query` itself when every clause it has applies
 * before `clause` does (a limit after a sort is one SELECT) and `clause` is not set yet,
 * otherwise a `SELECT *` over it as a
 * derived table (a filter after a projection reads the projected names).
 */
export function openFor(
  query: SelectQuery,
  clause: Clause,
  dialect: Pick<Dialect, 'select' | 'quoteIdentifier'>,
): SelectQuery {
  // Conditions add up (the filter joins them with AND); any other clause is set once.
  const later = CLAUSE_ORDER.slice(CLAUSE_ORDER.indexOf(clause) + 1);
  const laterSet = later.some((c) => hasClause(query, c));
  if (!laterSet && (clause === 'where' || !hasClause(query, clause))) return query;
  return selectAll(derivedTable(dialect.select(query), dialect));
}

/** Whether `query` has `clause` already (a column list that is not `*`, or DISTINCT). */
function hasClause(query: SelectQuery, clause: Clause): boolean {
  if (clause === 'columns') return query.columns !== '*' || query.distinct === true;
  return query[clause] !== undefined;
}
