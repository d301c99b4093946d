import type { InputNode } from '@sluice/stages';

import type { QueryRule } from './rule';
import { selectAll } from './select-query';

/** The relation linked into an input port, read as it is. */
export const inputRule: QueryRule<InputNode> = {
  kind: 'query',
  expressions: () => [],
  columns: (node, { ports }) => ports[node.port],
  render: (node, ctx) => selectAll(ctx.source(node.port)),
};
