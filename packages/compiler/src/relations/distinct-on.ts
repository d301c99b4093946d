import type { DistinctOnNode } from '@sluice/stages';

import type { Dialect } from '../dialects';
import type { QueryRule } from './rule';
import { openFor } from './select-query';

/** The row number a deduplicate keeps the first of each key by; dropped from its output. */
const ROW_NUMBER_COLUMN = '__sluice_row';

/**
 * One row per key: rows numbered within each key by `ROW_NUMBER()` in the node's order, in a
 * derived table, keeping number 1 (every target has window functions: MySQL 8, MariaDB 10.2,
 * MatrixOne, DuckDB). Without keys it is `SELECT DISTINCT *`, which needs no column list.
 */
export const distinctOnRule: QueryRule<DistinctOnNode> = {
  kind: 'query',
  expressions: (node) =>
    [...node.keys, ...node.order.map(({ expr }) => expr)].map((expr) => ({
      expr,
      over: node.input,
    })),
  columns: (_node, { inputs }) => inputs[0],
  diagnose: (node, { dialect }) => dialect.distinctOnLimits(node),
  render: (node, { dialect, query }) => {
    const from = openFor(query(node.input), 'columns', dialect);
    if (node.keys.length === 0) return { ...from, distinct: true };
    const row = dialect.quoteIdentifier(ROW_NUMBER_COLUMN);
    const { numbered, kept } = dialect.numberedColumns(row, node.columns);
    const number = `ROW_NUMBER() OVER (${windowOf(node, dialect)}) AS ${row}`;
    const rows = { ...from, columns: [...numbered, number] };
    return { ...openFor(rows, 'where', dialect), columns: kept, where: `${row} = 1` };
  },
};

/** `PARTITION BY keys ORDER BY order`, each order key with its NULL placement spelled out. */
function windowOf(node: DistinctOnNode, dialect: Dialect): string {
  const partition = `PARTITION BY ${node.keys.map((key) => dialect.expr(key)).join(', ')}`;
  if (node.order.length === 0) return partition;
  return `${partition} ORDER BY ${node.order.map((key) => dialect.orderKey(key)).join(', ')}`;
}
