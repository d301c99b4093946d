import { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import type { ProjectNode } from './relational';
import type { Column } from './stage-ir';
import { closestName, columnNamed } from './column-names';
import { commonType, typedColumn } from './column-types';
import { defineStage } from './define-stage';
import { input } from './relational';

/** Settings of a union: whether repeated rows stay, and how the inputs' columns pair up. */
export const UnionConfigSchema = z.object({
  keep: z.enum(['all', 'distinct']),
  by: z.enum(['name', 'position']),
});
export type UnionConfig = z.infer<typeof UnionConfigSchema>;

/** The column of `second` paired with each column of `first` (undefined where none is). */
function partners(
  first: readonly Column[],
  second: readonly Column[],
  by: UnionConfig['by'],
): (Column | undefined)[] {
  return first.map((column, i) => (by === 'name' ? columnNamed(second, column.name) : second[i]));
}

/**
 * The columns of a union whose inputs pair their columns by position: the first input's names,
 * each typed as its values combine across the inputs (no type while any of them is not known).
 */
export function unionColumns(
  first: readonly Column[],
  others: readonly (readonly (Column | undefined)[] | undefined)[],
): Column[] {
  return first.map((column, i) => {
    const type = others.reduce((combined, other) => {
      const next = other?.[i]?.type;
      return combined && next ? commonType(combined, next) : undefined;
    }, column.type);
    return typedColumn(column.name, type);
  });
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** Why the inputs' columns do not pair up, if they do not. */
function mismatch(first: readonly Column[], second: readonly Column[], by: UnionConfig['by']) {
  if (by === 'position') {
    if (first.length === second.length) return undefined;
    return `Union by position needs as many columns in both inputs: the first has ${String(first.length)}, the second ${String(second.length)}.`;
  }
  const missing = first.filter((c) => !columnNamed(second, c.name)).map((c) => c.name);
  const extra = second.filter((c) => !columnNamed(first, c.name)).map((c) => c.name);
  if (missing.length === 0 && extra.length === 0) return undefined;
  const extras = extra.map((name) => {
    const meant = closestName(name, missing);
    return meant === undefined ? `"${name}"` : `"${name}" (did you mean "${meant}"?)`;
  });
  const differences = [
    ...(missing.length > 0 ? [`lacks ${quoted(missing)}`] : []),
    ...(extras.length > 0 ? [`has ${extras.join(', ')}, which the first does not`] : []),
  ];
  return `Union by name needs the same column names in both inputs: the second input ${differences.join(' and ')}.`;
}

/** Each pair of columns whose types differ: a warning naming the type that wins, or an error. */
function typeProblems(
  first: readonly Column[],
  paired: readonly (Column | undefined)[],
  at: { stageId: string; path: string[] },
): Diagnostic[] {
  return first.flatMap((column, i) => {
    const other = paired[i];
    if (!column.type || !other?.type || column.type === other.type) return [];
    const result = commonType(column.type, other.type);
    if (result === undefined) {
      const message = `Column "${column.name}" is ${column.type} in the first input and ${other.type} in the second, which no target combines; cast one of them first.`;
      return [diagnostic('invalid-config', { message }, at)];
    }
    const args = { column: column.name, first: column.type, second: other.type, result };
    return [diagnostic('column-types-differ', args, at)];
  });
}

/**
 * The rows of two inputs, one after the other, with repeated rows kept or removed. Columns pair
 * up by name (in any order) or by position, and take the first input's names.
 */
export const unionStage = defineStage({
  type: 'union',
  version: 1,
  category: 'processor',
  config: UnionConfigSchema,
  defaults: { keep: 'all', by: 'name' },
  ports: { inputs: ['first', 'second'], outputs: ['out'] },
  ui: {
    label: 'Union',
    description: 'Stacks the rows of two inputs, keeping or removing repeated rows.',
    icon: 'LayersUnion',
    fields: {
      keep: {
        widget: 'select',
        label: 'Rows',
        help: 'Distinct removes rows that repeat, within an input or across both, comparing every column (NULLs count as equal).',
        options: [
          { value: 'all', label: 'All rows (UNION ALL)' },
          { value: 'distinct', label: 'Distinct rows (UNION)' },
        ],
      },
      by: {
        widget: 'select',
        label: 'Match columns',
        help: "By name pairs each column of the first input with the second input's column of that name, in any order; by position pairs them in order. The output has the first input's names.",
        options: [
          { value: 'name', label: 'By name' },
          { value: 'position', label: 'By position' },
        ],
      },
    },
  },
  outputColumns: ({ config, inputs }) => {
    const { first, second } = inputs;
    if (!first) return undefined;
    return unionColumns(first, [second && partners(first, second, config.by)]);
  },
  check: ({ stageId, config, inputs }) => {
    const { first, second } = inputs;
    if (!first || !second) return [];
    const at = { stageId, path: ['by'] };
    const problem = mismatch(first, second, config.by);
    if (problem) return [diagnostic('invalid-config', { message: problem }, at)];
    return typeProblems(first, partners(first, second, config.by), at);
  },
  compile: ({ config, inputs }) => {
    const { first, second } = inputs;
    const all = config.keep === 'all';
    // Columns are unknown only before a run has detected a file's columns (an SQL preview); a
    // run always knows them, so every plan that runs lists them on both sides.
    if (!first || !second) return { op: 'union', inputs: [input('first'), input('second')], all };
    const listed = (port: string, columns: readonly (Column | undefined)[]): ProjectNode => ({
      op: 'project',
      input: input(port),
      columns: first.map((column, i) => ({
        expr: { kind: 'column', name: columns[i]?.name ?? column.name, path: ['by'] },
        as: column.name,
      })),
    });
    const paired = partners(first, second, config.by);
    return {
      op: 'union',
      inputs: [listed('first', first), listed('second', paired)],
      all,
      columns: unionColumns(first, [paired]),
    };
  },
  migrations: [],
});
