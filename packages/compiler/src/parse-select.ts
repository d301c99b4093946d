import mysqlParser from 'node-sql-parser/build/mysql';
import postgresParser from 'node-sql-parser/build/postgresql';

import { parserReason } from './parser-reason';

/**
 * A SELECT as each grammar of node-sql-parser reads it. DuckDB reads SQL much as PostgreSQL
 * does and the MySQL family as MySQL does, and each grammar misreads some text the other reads
 * right, so a SELECT is read with both and every reading is checked.
 */
export interface SelectReading {
  grammar: 'PostgreSQL' | 'MySQL';
  /** The statement: a `select` node of the parser's tree. */
  ast: AstNode;
  /** The tables it reads, anywhere (subqueries, WITH), as the parser lists them. */
  tables: readonly { schema?: string; name: string }[];
}

/** A node of the parser's tree, read through the small helpers below. */
export type AstNode = Readonly<Record<string, unknown>>;

/** The readings of a SELECT (the PostgreSQL one first), or why neither grammar reads it. */
export type ParsedSelect = { readings: readonly SelectReading[] } | { problem: string };

const GRAMMARS = [
  { grammar: 'PostgreSQL', parser: new postgresParser.Parser(), database: 'postgresql' },
  { grammar: 'MySQL', parser: new mysqlParser.Parser(), database: 'mysql' },
] as const;

/** Parses are kept for the texts last read: a flow is analysed on every edit. */
const PARSED = new Map<string, ParsedSelect>();
const KEPT = 64;

/**
 * Reads `text` (the person's `sql` as the parser should see it, same length) with both grammars.
 * A reading is dropped where the grammar is known to misread: the PostgreSQL grammar takes
 * `JOIN b ON x, c` as a join condition listing `x, c`, so `c` would escape the table check.
 */
export function parseSelect(text: string, sql: string): ParsedSelect {
  const known = PARSED.get(text);
  if (known) return known;
  const parsed = readBoth(text, sql);
  PARSED.set(text, parsed);
  if (PARSED.size > KEPT) PARSED.delete(PARSED.keys().next().value ?? text);
  return parsed;
}

function readBoth(text: string, sql: string): ParsedSelect {
  const readings: SelectReading[] = [];
  let failure: unknown;
  for (const { grammar, parser, database } of GRAMMARS) {
    try {
      const { ast, tableList } = parser.parse(text, { database });
      const statements: unknown[] = Array.isArray(ast) ? ast : [ast];
      const [first] = statements;
      if (statements.length !== 1 || !isNode(first)) {
        return { problem: 'Write one SELECT, not several statements.' };
      }
      if (grammar === 'PostgreSQL' && nodesOf(first).some(joinListsConditions)) continue;
      readings.push({ grammar, ast: first, tables: tableList.map(tableOf) });
    } catch (error) {
      failure ??= error;
    }
  }
  if (readings.length > 0) return { readings };
  return {
    problem: `Sluice could not read this SELECT: ${parserReason(failure, sql, 0)}. It must read it to be sure the SELECT reads only the stage's inputs.`,
  };
}

/** `select::schema::name` as the parser lists tables; `null` stands for no schema. */
function tableOf(entry: string): { schema?: string; name: string } {
  const [, schema = 'null', ...name] = entry.split('::');
  return schema === 'null' ? { name: name.join('::') } : { schema, name: name.join('::') };
}

function joinListsConditions(node: AstNode): boolean {
  return isNode(node.on) && node.on.type === 'expr_list';
}

/** True for a node of the parser's tree (an object that is not a list). */
export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nodes of a list in the tree; nothing for anything else. */
export function nodeList(value: unknown): AstNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** A node and every node under it. */
export function nodesOf(node: AstNode): AstNode[] {
  const children = Object.values(node).flatMap((value) =>
    Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [],
  );
  return [node, ...children.flatMap(nodesOf)];
}

/**
 * The SELECT a node stands for: the node itself, or the statement a subquery or a MySQL-grammar
 * WITH query wraps (`{ ast }`); `undefined` for any other statement.
 */
export function selectOf(value: unknown): AstNode | undefined {
  if (!isNode(value)) return undefined;
  if (value.type === 'select') return value;
  return 'ast' in value ? selectOf(value.ast) : undefined;
}
