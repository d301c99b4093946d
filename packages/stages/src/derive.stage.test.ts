import { describe, expect, it } from 'vitest';

import type { CastType, Column } from './stage-ir';
import { DeriveConfigSchema, deriveStage } from './derive.stage';

const input: Column[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'placed', type: 'DATE' },
];
const row = (name: string, expression: string, type?: CastType) => ({
  name,
  expression,
  ...(type ? { type } : {}),
});
const ctxOf = (columns: ReturnType<typeof row>[], inputs: { in?: Column[] } = { in: input }) => ({
  stageId: 'dv',
  config: { columns },
  inputs,
});
const sql = (text: string, i: number) => ({
  kind: 'sql',
  sql: text,
  path: ['columns', i, 'expression'],
});
const column = (name: string) => ({ expr: { kind: 'column', name, path: ['columns'] }, as: name });

describe('derive stage', () => {
  it('outputs every input column, one with a derived name replaced in place, then the new ones', () => {
    const ctx = ctxOf([row('total', 'amount * 2'), row('AMOUNT', 'round(amount)')]);
    expect(deriveStage.outputColumns(ctx)).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'AMOUNT' },
      { name: 'placed', type: 'DATE' },
      { name: 'total' },
    ]);
    expect(deriveStage.compile(ctx)).toEqual({
      op: 'project',
      input: { op: 'input', port: 'in' },
      columns: [
        column('id'),
        { expr: sql('round(amount)', 1), as: 'AMOUNT' },
        column('placed'),
        { expr: sql('amount * 2', 0), as: 'total' },
      ],
    });
  });

  it("keeps the type of a bare column name, takes a declared type, and knows no other's", () => {
    const ctx = ctxOf([
      row('copy', ' placed '),
      row('quoted', '"placed"'),
      row('half', 'amount / 2', { name: 'decimal', precision: 12, scale: 2 }),
      row('ten', '10'),
    ]);
    expect(deriveStage.outputColumns(ctx)?.slice(3)).toEqual([
      { name: 'copy', type: 'DATE' },
      { name: 'quoted' },
      { name: 'half', type: 'DECIMAL' },
      { name: 'ten' },
    ]);
  });

  it('converts a declared type with a cast that fails the run, reading a bare column by its type', () => {
    const ctx = ctxOf([
      row('n', 'id', { name: 'text' }),
      row('s', 'amount * 2', { name: 'bigint' }),
    ]);
    expect(deriveStage.compile(ctx)).toMatchObject({
      op: 'cast',
      input: { op: 'project' },
      columns: [
        { name: 'n', to: { name: 'text' }, from: 'BIGINT', path: ['columns', 0] },
        { name: 's', to: { name: 'bigint' }, path: ['columns', 1] },
      ],
      inputColumns: ['id', 'amount', 'placed', 'n', 's'],
      onError: 'fail',
    });
  });

  it('adds its columns after all input columns while those are not known', () => {
    const ctx = ctxOf([row('total', 'amount * 2')], {});
    expect(deriveStage.outputColumns(ctx)).toBeUndefined();
    expect(deriveStage.compile(ctx)).toEqual({
      op: 'project',
      input: { op: 'input', port: 'in' },
      columns: [{ expr: sql('amount * 2', 0), as: 'total' }],
      keepInput: true,
    });
  });

  it('passes its input through with no columns, and marks a declared type no target shares', () => {
    expect(deriveStage.compile(ctxOf([]))).toEqual({ op: 'input', port: 'in' });
    const found = deriveStage.check?.(ctxOf([row('day', 'placed', { name: 'double' })])) ?? [];
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['invalid-config', ['columns', 0, 'type']],
    ]);
  });

  it.each([
    ['an empty name', [row('', 'id')], ['columns', 0, 'name'], 'Enter a name.'],
    [
      'a name used twice',
      [row('total', 'id'), row('Total', 'id')],
      ['columns', 1, 'name'],
      '"Total" is used twice.',
    ],
    [
      'an empty expression',
      [row('total', '  ')],
      ['columns', 0, 'expression'],
      'Write an expression, e.g. amount * 2.',
    ],
  ])('refuses %s at its field', (_what, columns, path, message) => {
    const issues = DeriveConfigSchema.safeParse({ columns }).error?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });

  it('asks each new, empty row for its name, without calling two empty names one name used twice', () => {
    const row = { name: '', expression: '' };
    const issues = DeriveConfigSchema.safeParse({ columns: [row, row] }).error?.issues ?? [];
    expect(issues.filter((i) => i.message.includes('used twice'))).toEqual([]);
    expect(issues.filter((i) => i.message === 'Enter a name.').map((i) => i.path)).toEqual([
      ['columns', 0, 'name'],
      ['columns', 1, 'name'],
    ]);
  });
});
