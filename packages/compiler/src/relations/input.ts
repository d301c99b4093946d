import type { InputNode } from '@sluice/stages';

import type { QueryRule } from './rule';

/** The relation linked into an input port, read as it is. */
export const inputRule: QueryRule<InputNode> = {
  kind: 'query',
  expressions: () => [],
  columns: (node, { ports }) => ports[node.port],
  render: (node, ctx) => ctx.input(node.port),
};
