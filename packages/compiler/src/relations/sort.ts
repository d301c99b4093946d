import type { SortNode } from '@sluice/stages';

import type { QueryRule } from './rule';
import { openFor } from './select-query';

/** An ORDER BY over the input, each key spelled by the dialect with its NULL placement. */
export const sortRule: QueryRule<SortNode> = {
  kind: 'query',
  expressions: (node) => node.keys.map(({ expr }) => ({ expr, over: node.input })),
  columns: (_node, { inputs }) => inputs[0],
  render: (node, { dialect, query }) => ({
    ...openFor(query(node.input), 'orderBy', dialect),
    orderBy: node.keys.map((key) => dialect.orderKey(key)),
  }),
};
