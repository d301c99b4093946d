import { describe, expect, it } from 'vitest';

import type { AggregateConfig } from './aggregate.stage';
import { AggregateConfigSchema, aggregateStage, defaultAggregateName } from './aggregate.stage';

const input = [
  { name: 'Country', type: 'VARCHAR' as const },
  { name: 'qty', type: 'INTEGER' as const },
  { name: 'amount', type: 'DOUBLE' as const },
  { name: 'price', type: 'DECIMAL' as const },
  { name: 'ordered_on', type: 'DATE' as const },
  { name: 'note' },
];
const ctxOf = (config: AggregateConfig, inputs: { in?: typeof input } = { in: input }) => ({
  stageId: 'agg',
  config,
  inputs,
});
const issuesOf = (config: unknown) =>
  AggregateConfigSchema.safeParse(config).error?.issues.map((i) => [i.path, i.message]);

describe('aggregate stage', () => {
  it('outputs the group-by columns as the input spells them, then typed aggregates', () => {
    const ctx = ctxOf({
      groupBy: ['country'],
      aggregates: [
        { fn: 'count', as: 'rows' },
        { fn: 'count-distinct', column: 'qty', as: 'kinds' },
        { fn: 'sum', column: 'qty', as: 'units' },
        { fn: 'sum', column: 'amount', as: 'revenue' },
        { fn: 'sum', column: 'price', as: 'prices' },
        { fn: 'avg', column: 'qty', as: 'mean' },
        { fn: 'min', column: 'ordered_on', as: 'first' },
        { fn: 'max', column: 'note', as: 'last_note' },
      ],
    });
    expect(aggregateStage.outputColumns(ctx)).toEqual([
      { name: 'Country', type: 'VARCHAR' },
      { name: 'rows', type: 'BIGINT' },
      { name: 'kinds', type: 'BIGINT' },
      { name: 'units', type: 'DECIMAL' },
      { name: 'revenue', type: 'DOUBLE' },
      { name: 'prices', type: 'DECIMAL' },
      { name: 'mean', type: 'DOUBLE' },
      { name: 'first', type: 'DATE' },
      { name: 'last_note' },
    ]);
  });

  it('knows its output names while the input columns are not known', () => {
    const config = {
      groupBy: ['country'],
      aggregates: [{ fn: 'max' as const, column: 'a', as: 'top' }],
    };
    expect(aggregateStage.outputColumns(ctxOf(config, {}))).toEqual([
      { name: 'country' },
      { name: 'top' },
    ]);
    expect(aggregateStage.check?.(ctxOf(config, {}))).toEqual([]);
  });

  it('compiles to an aggregate whose expressions point back at their fields', () => {
    const node = aggregateStage.compile(
      ctxOf({
        groupBy: ['country'],
        aggregates: [
          { fn: 'count', column: '', as: 'rows' },
          { fn: 'sum', column: 'QTY', as: 'units' },
        ],
      }),
    );
    expect(node).toEqual({
      op: 'aggregate',
      input: { op: 'input', port: 'in' },
      groupBy: [{ kind: 'column', name: 'Country', path: ['groupBy', 0] }],
      aggregates: [
        { fn: 'count', as: 'rows' },
        {
          fn: 'sum',
          as: 'units',
          expr: { kind: 'column', name: 'qty', path: ['aggregates', 1, 'column'] },
          inputType: 'INTEGER',
        },
      ],
    });
  });

  it('marks unknown columns at their row, offering the closest', () => {
    const found = aggregateStage.check?.(
      ctxOf({
        groupBy: ['country', 'contry'],
        aggregates: [{ fn: 'sum', column: 'amuont', as: 'total' }],
      }),
    );
    expect(found?.map((d) => [d.code, d.path, d.message])).toEqual([
      ['unknown-column', ['groupBy', 1], 'Unknown column "contry"; did you mean "Country"?'],
      [
        'unknown-column',
        ['aggregates', 0, 'column'],
        'Unknown column "amuont"; did you mean "amount"?',
      ],
    ]);
  });

  it('refuses a sum or an average of a column that is not a number', () => {
    const found = aggregateStage.check?.(
      ctxOf({
        groupBy: [],
        aggregates: [
          { fn: 'sum', column: 'Country', as: 'a' },
          { fn: 'avg', column: 'ordered_on', as: 'b' },
          { fn: 'avg', column: 'note', as: 'c' },
          { fn: 'max', column: 'Country', as: 'd' },
        ],
      }),
    );
    expect(found?.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        'error',
        ['aggregates', 0, 'column'],
        'Sum needs a number column; "Country" is VARCHAR. Pick a number column, or cast it first.',
      ],
      [
        'error',
        ['aggregates', 1, 'column'],
        'Average needs a number column; "ordered_on" is DATE. Pick a number column, or cast it first.',
      ],
    ]);
  });

  it('refuses repeated, empty and clashing names and missing columns at their fields', () => {
    expect(
      issuesOf({
        groupBy: ['country', 'Country'],
        aggregates: [
          { fn: 'count', as: 'n' },
          { fn: 'sum', column: '', as: 'N' },
          { fn: 'max', column: 'qty', as: 'COUNTRY' },
        ],
      }),
    ).toEqual([
      [['groupBy', 1], '"Country" is used twice.'],
      [['aggregates', 1, 'as'], '"N" is used twice.'],
      [['aggregates', 1, 'column'], 'Pick the column to sum.'],
      [
        ['aggregates', 2, 'as'],
        '"COUNTRY" is also a group-by column; give the aggregate another name.',
      ],
    ]);
    expect(issuesOf({ groupBy: [], aggregates: [{ fn: 'count', as: '' }] })).toEqual([
      [['aggregates', 0, 'as'], 'Enter a name.'],
    ]);
    expect(issuesOf({ groupBy: [], aggregates: [] })).toEqual([
      [['aggregates'], 'Add an aggregate, or a column to group by.'],
    ]);
  });

  it('proposes output names from the function and the column', () => {
    expect(defaultAggregateName('count', '')).toBe('rows');
    expect(defaultAggregateName('count-distinct', 'customer')).toBe('distinct_customer');
    expect(defaultAggregateName('avg', 'amount')).toBe('avg_amount');
  });
});
