import { z } from 'zod';

import type { ProjectedColumn, ProjectNode, StageNode } from './relational';
import type { Column, ColumnType } from './stage-ir';
import { castColumnType, CastTypeSchema } from './cast-types';
import { castColumnOf, conversionProblems } from './cast.stage';
import { bareColumnName, sameColumnName } from './column-names';
import { NameSchema, reportDuplicateNames } from './config-fields';
import { defineStage } from './define-stage';
import { input } from './relational';

/** One derived column: its name, a SQL expression over the input columns, and optionally a type. */
export const DerivedColumnSchema = z.object({
  name: NameSchema,
  expression: z
    .string()
    .trim()
    .min(1, 'Write an expression, e.g. amount * 2.')
    .max(10_000, 'Expressions are at most 10,000 characters.'),
  /** The declared type; absent to keep the type the expression has. */
  type: CastTypeSchema.optional(),
});
type DerivedColumn = z.infer<typeof DerivedColumnSchema>;

/** Settings of derive columns: the columns to compute, each name once. */
export const DeriveConfigSchema = z
  .object({ columns: z.array(DerivedColumnSchema).max(1000) })
  .superRefine((config, ctx) => {
    reportDuplicateNames(
      config.columns.map((row) => row.name),
      ctx,
      (i) => ['columns', i, 'name'],
    );
  });
export type DeriveConfig = z.infer<typeof DeriveConfigSchema>;

/**
 * The type an expression has without asking the database: the column's for an expression that is
 * only an input column's name, and not known otherwise (a declared type covers the rest).
 */
function inferredType(row: DerivedColumn, columns: readonly Column[]): ColumnType | undefined {
  const name = bareColumnName(row.expression);
  return name === undefined ? undefined : columns.find((c) => sameColumnName(c.name, name))?.type;
}

const expressionOf = (row: DerivedColumn, i: number): ProjectedColumn => ({
  expr: { kind: 'sql', sql: row.expression, path: ['columns', i, 'expression'] },
  as: row.name,
});

/**
 * Every input column in place (a derived column with its name replaces it), then the new ones;
 * with unknown input columns, the derived ones after all input columns, whatever they are.
 */
function projection(
  rows: readonly DerivedColumn[],
  columns: readonly Column[] | undefined,
): ProjectNode {
  if (!columns) {
    return { op: 'project', input: input('in'), columns: rows.map(expressionOf), keepInput: true };
  }
  const derivedAt = (name: string) => rows.findIndex((row) => sameColumnName(row.name, name));
  const kept = columns.map((column): ProjectedColumn => {
    const i = derivedAt(column.name);
    const row = rows[i];
    if (row) return expressionOf(row, i);
    return { expr: { kind: 'column', name: column.name, path: ['columns'] }, as: column.name };
  });
  const added = rows.flatMap((row, i) =>
    columns.some((c) => sameColumnName(c.name, row.name)) ? [] : [expressionOf(row, i)],
  );
  return { op: 'project', input: input('in'), columns: [...kept, ...added] };
}

/**
 * Adds columns computed by SQL expressions over the input columns, or replaces input columns of
 * the same name in place. Each expression reads the input only (not the other derived columns),
 * as one SELECT list does; a declared type converts the value the way Cast does, failing the run
 * on a value that does not convert.
 */
export const deriveStage = defineStage({
  type: 'derive',
  version: 1,
  category: 'processor',
  config: DeriveConfigSchema,
  defaults: { columns: [] },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Derive columns',
    description: 'Adds or replaces columns computed by SQL expressions.',
    icon: 'MathFunction',
    fields: {
      columns: {
        widget: 'derived-columns',
        label: 'Columns',
        help:
          'Each row is name = a SQL expression over the input columns. A name that is already an input column ' +
          'replaces it in place; new columns follow the input columns. Expressions read the input, not each ' +
          'other: to use a derived column, derive it in a stage before this one. An expression that is just a ' +
          "column's name keeps that column's type; declare a type to convert the value like Cast does " +
          '(a value that does not convert fails the run).',
      },
    },
  },
  outputColumns: ({ config, inputs }) => {
    const columns = inputs.in;
    if (!columns) return undefined;
    const derived = config.columns.map((row): Column => {
      const type = row.type ? castColumnType(row.type) : inferredType(row, columns);
      return type ? { name: row.name, type } : { name: row.name };
    });
    const replaced = columns.map((c) => derived.find((d) => sameColumnName(d.name, c.name)) ?? c);
    const added = derived.filter((d) => !columns.some((c) => sameColumnName(c.name, d.name)));
    return [...replaced, ...added];
  },
  check: ({ stageId, config, inputs }) => {
    const columns = inputs.in;
    if (!columns) return [];
    return config.columns.flatMap((row, i) => {
      const from = inferredType(row, columns);
      if (!row.type || !from) return [];
      const at = { stageId, path: ['columns', i, 'type'] };
      return conversionProblems({ name: row.name, type: from }, row.type, at);
    });
  },
  compile: ({ config, inputs }): StageNode => {
    if (config.columns.length === 0) return input('in');
    const columns = inputs.in;
    const project = projection(config.columns, columns);
    const typed = config.columns.flatMap((row, i) => {
      if (!row.type) return [];
      const from = columns && inferredType(row, columns);
      return [
        castColumnOf(row.name, row.type, { path: ['columns', i], ...(from ? { from } : {}) }),
      ];
    });
    if (typed.length === 0) return project;
    return {
      op: 'cast',
      input: project,
      columns: typed,
      ...(columns ? { inputColumns: project.columns.map((c) => c.as) } : {}),
      onError: 'fail',
    };
  },
  migrations: [],
});
