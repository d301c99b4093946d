import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import type { AggregateColumn } from './relational';
import type { Column, Columns, Expr } from './stage-ir';
import { columnNamed, sameColumnName, unknownColumn } from './column-names';
import { aggregateType, NUMERIC_TYPES, typedColumn } from './column-types';
import { NameSchema, reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** The aggregate functions, as the config stores them. */
export const AGGREGATE_FUNCTIONS = [
  'count',
  'count-distinct',
  'sum',
  'avg',
  'min',
  'max',
] as const satisfies readonly AggregateColumn['fn'][];
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** How the form and the messages name each function. */
export const AGGREGATE_LABELS: Record<AggregateFunction, string> = {
  count: 'Count',
  'count-distinct': 'Count distinct',
  sum: 'Sum',
  avg: 'Average',
  min: 'Minimum',
  max: 'Maximum',
};

const NAME_PREFIXES: Record<AggregateFunction, string> = {
  count: 'count',
  'count-distinct': 'distinct',
  sum: 'sum',
  avg: 'avg',
  min: 'min',
  max: 'max',
};

/**
 * The output name the form proposes for an aggregate until the person types one.
 * @example defaultAggregateName('sum', 'amount') // 'sum_amount'
 */
export function defaultAggregateName(fn: AggregateFunction, column: string | undefined): string {
  if (!column) return fn === 'count' ? 'rows' : NAME_PREFIXES[fn];
  return `${NAME_PREFIXES[fn]}_${column}`;
}

/** One aggregate: a function, the input column it reads (none: count rows) and its output name. */
export const AggregateSchema = z.object({
  fn: z.enum(AGGREGATE_FUNCTIONS),
  column: NameSchema.or(z.literal('')).optional(),
  as: NameSchema,
});
export type AggregateConfigRow = z.infer<typeof AggregateSchema>;

/** Settings of an aggregate: the columns that make a group, and what to compute per group. */
export const AggregateConfigSchema = z
  .object({
    groupBy: z.array(NameSchema).max(100),
    aggregates: z.array(AggregateSchema).max(100),
  })
  .superRefine((config, ctx) => {
    const { groupBy, aggregates } = config;
    if (groupBy.length === 0 && aggregates.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregates'],
        message: 'Add an aggregate, or a column to group by.',
      });
    }
    reportDuplicateNames(groupBy, ctx, (i) => ['groupBy', i]);
    reportDuplicateNames(
      aggregates.map((a) => a.as),
      ctx,
      (i) => ['aggregates', i, 'as'],
    );
    aggregates.forEach((aggregate, i) => {
      if (aggregate.fn !== 'count' && !aggregate.column) {
        const message = `Pick the column to ${AGGREGATE_LABELS[aggregate.fn].toLowerCase()}.`;
        ctx.addIssue({ code: 'custom', path: ['aggregates', i, 'column'], message });
      }
      if (groupBy.some((name) => sameColumnName(name, aggregate.as))) {
        const message = `"${aggregate.as}" is also a group-by column; give the aggregate another name.`;
        ctx.addIssue({ code: 'custom', path: ['aggregates', i, 'as'], message });
      }
    });
  });
export type AggregateConfig = z.infer<typeof AggregateConfigSchema>;

/** The input column an aggregate reads, if it names one and the input has it. */
const readColumn = (input: Columns, aggregate: AggregateConfigRow): Column | undefined =>
  aggregate.column ? columnNamed(input, aggregate.column) : undefined;

/**
 * One row per distinct combination of the group-by columns (NULL making a group of its own), with
 * counts, sums, averages, minimums and maximums of the group. Without group-by columns, one row
 * for all input rows.
 */
export const aggregateStage = defineStage({
  type: 'aggregate',
  version: 1,
  category: 'processor',
  config: AggregateConfigSchema,
  defaults: { groupBy: [], aggregates: [{ fn: 'count', column: '', as: 'rows' }] },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Aggregate',
    description: 'Groups rows and counts, sums, averages or finds the least and greatest values.',
    icon: 'Sum',
    fields: {
      groupBy: {
        widget: 'column-list',
        label: 'Group by',
        help: 'One output row per distinct combination of these columns; NULL is a group of its own. Empty: one row for all input rows.',
      },
      aggregates: {
        widget: 'aggregates',
        label: 'Aggregates',
        help: 'Each computes one output column per group. Count without a column counts rows; with one, its non-NULL values. Averages are DOUBLE; sums of whole numbers are DECIMAL.',
      },
    },
  },
  outputColumns: ({ config, inputs }) => [
    ...config.groupBy.map((name) => columnNamed(inputs.in, name) ?? { name }),
    ...config.aggregates.map((a) =>
      typedColumn(a.as, aggregateType(a.fn, readColumn(inputs.in, a)?.type)),
    ),
  ],
  check: ({ stageId, config, inputs }) => {
    const columns = inputs.in;
    if (!columns) return [];
    const available = columns.map((c) => c.name);
    const found: Diagnostic[] = [];
    config.groupBy.forEach((name, i) => {
      if (columnNamed(columns, name)) return;
      found.push(unknownColumn(name, available, { stageId, path: ['groupBy', i] }));
    });
    config.aggregates.forEach((aggregate, i) => {
      if (!aggregate.column) return;
      const at = { stageId, path: ['aggregates', i, 'column'] };
      const column = readColumn(columns, aggregate);
      if (!column) {
        found.push(unknownColumn(aggregate.column, available, at));
        return;
      }
      const numeric = aggregate.fn === 'sum' || aggregate.fn === 'avg';
      if (numeric && column.type && !NUMERIC_TYPES.includes(column.type)) {
        // DuckDB refuses these while MySQL reads text as 0, so no result would be the same.
        const message = `${AGGREGATE_LABELS[aggregate.fn]} needs a number column; "${column.name}" is ${column.type}. Pick a number column, or cast it first.`;
        found.push(diagnostic('invalid-config', { message }, at));
      }
    });
    return found;
  },
  compile: ({ config, inputs }) => ({
    op: 'aggregate',
    input: input('in'),
    groupBy: config.groupBy.map((name, i) => ({
      kind: 'column',
      name: columnNamed(inputs.in, name)?.name ?? name,
      path: ['groupBy', i],
    })),
    aggregates: config.aggregates.map((aggregate, i): AggregateColumn => {
      const { fn, column, as } = aggregate;
      if (!column) return { fn, as };
      const read = readColumn(inputs.in, aggregate);
      const expr: Expr = {
        kind: 'column',
        name: read?.name ?? column,
        path: ['aggregates', i, 'column'],
      };
      return { fn, as, expr, ...(read?.type ? { inputType: read.type } : {}) };
    }),
  }),
  migrations: [],
});
