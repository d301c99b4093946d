import type { UnionNode } from '@sluice/stages';
import { unionColumns } from '@sluice/stages';

import type { QueryRule } from './rule';
import { derivedTable, openFor, selectAll } from './select-query';

/**
 * `UNION ALL` or `UNION` of the inputs, read as one derived table so later clauses apply to the
 * union's rows. Columns pair by position (the union stage lists each input's columns in the
 * first input's order); the first input's names and the combined types come out.
 */
export const unionRule: QueryRule<UnionNode> = {
  kind: 'query',
  expressions: () => [],
  diagnose: (node, { dialect }) => dialect.unionLimits(node),
  columns: (_node, { inputs }) => {
    const [first, ...others] = inputs;
    return first && unionColumns(first, others);
  },
  render: (node, { dialect, query }) => {
    // A branch of a set operation may not carry its own ORDER BY or LIMIT: such a branch wraps.
    const branches = node.inputs.map((input) =>
      dialect.select(openFor(query(input), 'orderBy', dialect)),
    );
    const body = branches.join(node.all ? ' UNION ALL ' : ' UNION ');
    return selectAll(derivedTable(body, dialect));
  },
};
