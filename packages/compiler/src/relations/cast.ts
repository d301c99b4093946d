import type { CastNode } from '@sluice/stages';
import { castColumnType, sameColumnName } from '@sluice/stages';

import type { QueryRule } from './rule';
import { castColumnSql } from './cast-value';
import { openFor } from './select-query';

/**
 * A select list of every input column in place, the cast ones converted (see `cast-value.ts`);
 * what a target cannot cast to is a diagnostic on the type's field.
 */
export const castRule: QueryRule<CastNode> = {
  kind: 'query',
  runsAlone: true,
  expressions: () => [],
  columns: (node, { inputs }) =>
    inputs[0]?.map((column) => {
      const cast = node.columns.find((c) => sameColumnName(c.name, column.name));
      return cast ? { name: column.name, type: castColumnType(cast.to) } : column;
    }),
  diagnose: (node, { dialect }) =>
    node.columns.flatMap((column) => dialect.castLimits(column.to, [...column.path, 'type'])),
  render: (node, { dialect, query }) => {
    const from = openFor(query(node.input), 'columns', dialect);
    const converted = node.columns.map((column) => ({
      name: column.name,
      sql: castColumnSql(column, node.onError, dialect),
    }));
    if (!node.inputColumns) return { ...from, columns: [dialect.replacedColumns(converted)] };
    return {
      ...from,
      columns: node.inputColumns.map((name) => {
        const cast = converted.find((c) => sameColumnName(c.name, name));
        const quoted = dialect.quoteIdentifier(name);
        return cast ? `${cast.sql} AS ${quoted}` : quoted;
      }),
    };
  },
};
