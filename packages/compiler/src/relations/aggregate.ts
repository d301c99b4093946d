import type { AggregateColumn, AggregateNode } from '@sluice/stages';
import { aggregateType, columnNamed, typedColumn, WHOLE_NUMBER_TYPES } from '@sluice/stages';

import type { Dialect } from '../dialects';
import type { QueryRule } from './rule';
import { openFor } from './select-query';

/**
 * One aggregate as every target spells it alike, returning the type `aggregateType` declares:
 * an average over DOUBLE values (MySQL's AVG of integers rounds to 4 decimals, of decimals it
 * sums exactly where DuckDB does not), a sum of whole numbers as one DECIMAL (DuckDB returns
 * HUGEINT, MySQL DECIMAL, MatrixOne BIGINT). MatrixOne's grammar casts to any column type.
 */
function aggregateSql(aggregate: AggregateColumn, dialect: Dialect): string {
  const arg = aggregate.expr ? dialect.expr(aggregate.expr) : '*';
  switch (aggregate.fn) {
    case 'count':
      return `count(${arg})`;
    case 'count-distinct':
      return `count(DISTINCT ${arg})`;
    case 'sum': {
      const whole = aggregate.inputType && WHOLE_NUMBER_TYPES.includes(aggregate.inputType);
      return whole ? `CAST(sum(${arg}) AS DECIMAL(38, 0))` : `sum(${arg})`;
    }
    case 'avg':
      return `avg(CAST(${arg} AS ${dialect.columnType('DOUBLE')}))`;
    case 'min':
    case 'max':
      return `${aggregate.fn}(${arg})`;
  }
}

/** A GROUP BY of the input with its aggregates; the group keys come first in the select list. */
export const aggregateRule: QueryRule<AggregateNode> = {
  kind: 'query',
  expressions: (node) =>
    [...node.groupBy, ...node.aggregates.flatMap(({ expr }) => (expr ? [expr] : []))].map(
      (expr) => ({ expr, over: node.input }),
    ),
  columns: (node, { inputs }) => {
    const keys = node.groupBy.map((expr) =>
      expr.kind === 'column'
        ? (columnNamed(inputs[0], expr.name) ?? { name: expr.name })
        : undefined,
    );
    // A key written as SQL is named by each target its own way, so its name is not known.
    if (keys.some((key) => key === undefined)) return undefined;
    return [
      ...keys.filter((key) => key !== undefined),
      ...node.aggregates.map(({ fn, as, inputType }) =>
        typedColumn(as, aggregateType(fn, inputType)),
      ),
    ];
  },
  render: (node, { dialect, query }) => {
    const keys = node.groupBy.map((expr) => dialect.expr(expr));
    const aggregates = node.aggregates.map(
      (aggregate) =>
        `${aggregateSql(aggregate, dialect)} AS ${dialect.quoteIdentifier(aggregate.as)}`,
    );
    return {
      ...openFor(query(node.input), 'columns', dialect),
      columns: [...keys, ...aggregates],
      ...(keys.length > 0 ? { groupBy: keys } : {}),
    };
  },
};
