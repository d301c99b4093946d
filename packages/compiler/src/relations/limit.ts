import type { LimitNode } from '@sluice/stages';

import type { QueryRule } from './rule';
import { openFor } from './select-query';

/** A LIMIT (and OFFSET) on the input; after a sort in the same query it keeps the first rows. */
export const limitRule: QueryRule<LimitNode> = {
  kind: 'query',
  expressions: () => [],
  columns: (_node, { inputs }) => inputs[0],
  render: (node, { dialect, query }) => ({
    ...openFor(query(node.input), 'limit', dialect),
    limit: { count: node.count, offset: node.offset },
  }),
};
