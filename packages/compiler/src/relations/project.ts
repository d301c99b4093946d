import type { ProjectNode } from '@sluice/stages';
import { sameColumnName } from '@sluice/stages';

import type { QueryRule } from './rule';
import { openFor } from './select-query';

/** A select list of `expression AS name`; a column read as it is keeps its type. */
export const projectRule: QueryRule<ProjectNode> = {
  kind: 'query',
  expressions: (node) => node.columns.map(({ expr }) => ({ expr, over: node.input })),
  columns: (node, { inputs }) =>
    node.columns.map(({ expr, as }) => {
      const type =
        expr.kind === 'column'
          ? inputs[0]?.find((c) => sameColumnName(c.name, expr.name))?.type
          : undefined;
      return type ? { name: as, type } : { name: as };
    }),
  render: (node, { dialect, query }) => ({
    ...openFor(query(node.input), 'columns', dialect),
    columns: node.columns.map((c) => `${dialect.expr(c.expr)} AS ${dialect.quoteIdentifier(c.as)}`),
  }),
};
