import { describe, expect, it } from 'vitest';

import { SelectColumnsConfigSchema, selectColumnsStage } from './select-columns.stage';

const input = [
  { name: 'id', type: 'BIGINT' as const },
  { name: 'Name', type: 'VARCHAR' as const },
  { name: 'note' },
];
const ctxOf = (columns: { source: string; as?: string }[], inputs = { in: input }) => ({
  stageId: 'sel',
  config: { columns },
  inputs,
});

describe('select-columns', () => {
  it('keeps, renames and reorders columns, taking types from the input', () => {
    const ctx = ctxOf([
      { source: 'name', as: 'customer' },
      { source: 'id', as: '' },
    ]);
    expect(selectColumnsStage.outputColumns(ctx)).toEqual([
      { name: 'customer', type: 'VARCHAR' },
      { name: 'id', type: 'BIGINT' },
    ]);
  });

  it('passes every column through when the list is empty', () => {
    expect(selectColumnsStage.outputColumns(ctxOf([]))).toEqual(input);
    expect(selectColumnsStage.compile(ctxOf([]))).toEqual({ op: 'input', port: 'in' });
  });

  it('reports unknown source columns at their path, and nothing while input is unknown', () => {
    const ctx = ctxOf([{ source: 'id' }, { source: 'missing' }]);
    expect(selectColumnsStage.check?.(ctx)).toEqual([
      expect.objectContaining({
        code: 'unknown-column',
        stageId: 'sel',
        path: ['columns', 1, 'source'],
        message: 'Unknown column "missing". Available: id, Name, note.',
      }),
    ]);
    expect(selectColumnsStage.check?.({ ...ctx, inputs: {} })).toEqual([]);
  });

  it('offers the closest input column for a mistyped source', () => {
    const ctx = ctxOf([{ source: 'nmae', as: 'customer' }, { source: 'iid' }]);
    expect(selectColumnsStage.check?.(ctx).map((d) => [d.path, d.message])).toEqual([
      [['columns', 0, 'source'], 'Unknown column "nmae"; did you mean "Name"?'],
      [['columns', 1, 'source'], 'Unknown column "iid"; did you mean "id"?'],
    ]);
  });

  it('rejects output names that repeat, ignoring case', () => {
    const parsed = SelectColumnsConfigSchema.safeParse({
      columns: [{ source: 'id' }, { source: 'Name', as: 'ID' }],
    });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['columns', 1, 'as']]);
  });

  it('compiles to column expressions pointing back at their config field', () => {
    const node = selectColumnsStage.compile(ctxOf([{ source: 'id', as: 'key' }]));
    expect(node).toEqual({
      op: 'project',
      input: { op: 'input', port: 'in' },
      columns: [
        { expr: { kind: 'column', name: 'id', path: ['columns', 0, 'source'] }, as: 'key' },
      ],
    });
  });

  it('refuses a new name with a NUL character at its field', () => {
    const parsed = SelectColumnsConfigSchema.safeParse({ columns: [{ source: 'id', as: 'a\0b' }] });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['columns', 0, 'as']]);
  });
});
