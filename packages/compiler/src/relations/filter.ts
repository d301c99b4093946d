import type { FilterNode } from '@sluice/stages';

import type { QueryRule } from './rule';
import { openFor } from './select-query';

/** A WHERE over the input; a second filter on the same query joins the first with AND. */
export const filterRule: QueryRule<FilterNode> = {
  kind: 'query',
  expressions: (node) => [{ expr: node.condition, over: node.input }],
  columns: (_node, { inputs }) => inputs[0],
  render: (node, { dialect, query }) => {
    const from = openFor(query(node.input), 'where', dialect);
    const condition = dialect.expr(node.condition);
    return {
      ...from,
      where: from.where === undefined ? condition : `${from.where} AND ${condition}`,
    };
  },
};
