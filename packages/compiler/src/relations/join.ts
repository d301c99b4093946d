import type { JoinNode, RelationNode } from '@sluice/stages';
import { joinOutput } from '@sluice/stages';

import type { QueryRule, RenderContext } from './rule';
import type { SelectQuery } from './select-query';
import { selectAll } from './select-query';

/** The aliases of the two sides, which every column reference and key names. */
const LEFT = 'l';
const RIGHT = 'r';
/** Names the derived table a full join written as a union becomes. */
const UNION_ALIAS = '__sluice_join';

const KEYWORDS: Record<JoinNode['kind'], string> = {
  inner: 'INNER JOIN',
  left: 'LEFT JOIN',
  right: 'RIGHT JOIN',
  full: 'FULL JOIN',
};

/**
 * `FROM left AS l <kind> JOIN right AS r ON l.k = r.k AND …` with every output column listed
 * and named. Keys compare with plain `=`, so a NULL key matches nothing on every target.
 *
 * Where the target has no FULL JOIN, a full join is the left join plus, with UNION ALL, the right
 * join's rows whose left key is NULL: a matched row's left key equals a right key, so is never
 * NULL, which leaves exactly the right rows no left row matches, each once, duplicates kept. Both
 * halves read every column from its own input, so the union keeps their types (a bare NULL in
 * its place would widen a MySQL BOOLEAN to a number).
 */
export const joinRule: QueryRule<JoinNode> = {
  kind: 'query',
  expressions: (node) =>
    node.keys.flatMap((key) => [
      { expr: key.left, over: node.left },
      { expr: key.right, over: node.right },
    ]),
  columns: (node) => node.columns && joinOutput(node.columns),
  diagnose: (node, { dialect }) => dialect.joinLimits(node),
  render: (node, ctx) => {
    // A join has no key pair only while its stage reports so, and then it is never rendered.
    const [first] = node.keys;
    if (node.kind !== 'full' || ctx.dialect.hasFullJoin || !first) {
      return joined(node, node.kind, ctx);
    }
    const { dialect } = ctx;
    const unmatched = {
      ...joined(node, 'right', ctx),
      where: `${ref(ctx, LEFT, first.left.name)} IS NULL`,
    };
    const union = `${dialect.select(joined(node, 'left', ctx))} UNION ALL ${dialect.select(unmatched)}`;
    return selectAll(`(${union}) AS ${dialect.quoteIdentifier(UNION_ALIAS)}`);
  },
};

/** The join of the two sides as `kind`, with the output columns as rows of that kind read them. */
function joined(node: JoinNode, kind: JoinNode['kind'], ctx: RenderContext): SelectQuery {
  const from = `${side(node.left, LEFT, ctx)} ${KEYWORDS[kind]} ${side(node.right, RIGHT, ctx)}`;
  return { columns: selectList(node, kind, ctx), from: `${from} ON ${condition(node, ctx)}` };
}

/** One side under its alias: the relation on a port as it is, anything else as a derived table. */
function side(relation: RelationNode, alias: string, { dialect, source, query }: RenderContext) {
  if (relation.op === 'input') return source(relation.port, alias);
  return `(${dialect.select(query(relation))}) AS ${dialect.quoteIdentifier(alias)}`;
}

/** `"l"."name"`: a column of one side. */
function ref({ dialect }: RenderContext, alias: string, name: string): string {
  return `${dialect.quoteIdentifier(alias)}.${dialect.quoteIdentifier(name)}`;
}

function condition(node: JoinNode, ctx: RenderContext): string {
  return node.keys
    .map((key) => `${ref(ctx, LEFT, key.left.name)} = ${ref(ctx, RIGHT, key.right.name)}`)
    .join(' AND ');
}

/**
 * `value AS name` per output column. Without known columns (a preview of a file whose columns
 * are detected when the flow runs) each side is read whole; a run knows them and lists them.
 */
function selectList(node: JoinNode, kind: JoinNode['kind'], ctx: RenderContext): string[] {
  const { dialect } = ctx;
  if (!node.columns)
    return [`${dialect.quoteIdentifier(LEFT)}.*`, `${dialect.quoteIdentifier(RIGHT)}.*`];
  return node.columns.map((column) => {
    const value =
      column.left === undefined
        ? ref(ctx, RIGHT, column.right)
        : column.right === undefined
          ? ref(ctx, LEFT, column.left)
          : keyValue(ref(ctx, LEFT, column.left), ref(ctx, RIGHT, column.right), kind);
    return `${value} AS ${dialect.quoteIdentifier(column.as)}`;
  });
}

/**
 * A key pair output once: from the left row where every row has one (inner, left joins), from the
 * right where every row has that (right), from whichever side a full join's row has.
 */
function keyValue(left: string, right: string, kind: JoinNode['kind']): string {
  if (kind === 'full') return `COALESCE(${left}, ${right})`;
  return kind === 'right' ? right : left;
}
