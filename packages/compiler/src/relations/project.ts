import type { ProjectNode } from '@sluice/stages';
import { sameColumnName } from '@sluice/stages';

import type { QueryRule } from './rule';
import { openFor } from './select-query';

/**
 * A select list of `expression AS name`, after every input column with `keepInput`; a column
 * read as it is keeps its type. The names its expressions give are not readable beside them.
 */
export const projectRule: QueryRule<ProjectNode> = {
  kind: 'query',
  expressions: (node) => {
    const beside = node.columns.flatMap((c) => (c.expr.kind === 'sql' ? [c.as] : []));
    return node.columns.map(({ expr }) => ({ expr, over: node.input, beside }));
  },
  columns: (node, { inputs }) => {
    if (node.keepInput) return undefined;
    return node.columns.map(({ expr, as }) => {
      const type =
        expr.kind === 'column'
          ? inputs[0]?.find((c) => sameColumnName(c.name, expr.name))?.type
          : undefined;
      return type ? { name: as, type } : { name: as };
    });
  },
  render: (node, { dialect, query }) => {
    const listed = node.columns.map(
      (c) => `${dialect.expr(c.expr)} AS ${dialect.quoteIdentifier(c.as)}`,
    );
    return {
      ...openFor(query(node.input), 'columns', dialect),
      columns: node.keepInput ? ['*', ...listed] : listed,
    };
  },
};
