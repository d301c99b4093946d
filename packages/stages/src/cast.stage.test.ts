import { describe, expect, it } from 'vitest';

import type { CastType, Column } from './stage-ir';
import { CastConfigSchema, castStage } from './cast.stage';

const input: Column[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'Amount', type: 'VARCHAR' },
  { name: 'placed', type: 'DATE' },
  { name: 'note' },
];
const row = (column: string, type: CastType) => ({ column, type });
const ctxOf = (columns: ReturnType<typeof row>[], inputs: { in?: Column[] } = { in: input }) => ({
  stageId: 'c',
  config: { columns, onError: 'null' as const },
  inputs,
});

describe('cast stage', () => {
  it('converts the listed columns in place and passes the others through', () => {
    const ctx = ctxOf([row('amount', { name: 'decimal', precision: 10, scale: 2 })]);
    expect(castStage.outputColumns(ctx)).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'Amount', type: 'DECIMAL' },
      { name: 'placed', type: 'DATE' },
      { name: 'note' },
    ]);
    expect(castStage.outputColumns(ctxOf([], {}))).toBeUndefined();
  });

  it('compiles to a cast of the input, each column with its input type and config row', () => {
    const ctx = ctxOf([row('amount', { name: 'integer' }), row('note', { name: 'text' })]);
    expect(castStage.compile(ctx)).toEqual({
      op: 'cast',
      input: { op: 'input', port: 'in' },
      columns: [
        { name: 'Amount', to: { name: 'integer' }, from: 'VARCHAR', path: ['columns', 0] },
        { name: 'note', to: { name: 'text' }, path: ['columns', 1] },
      ],
      inputColumns: ['id', 'Amount', 'placed', 'note'],
      onError: 'null',
    });
    expect(castStage.compile(ctxOf([]))).toEqual({ op: 'input', port: 'in' });
  });

  it('compiles without the input column list while the input columns are not known', () => {
    const compiled = castStage.compile(ctxOf([row('x', { name: 'date' })], {}));
    expect(compiled).toMatchObject({ op: 'cast', columns: [{ name: 'x', path: ['columns', 0] }] });
    expect(compiled).not.toHaveProperty('inputColumns');
  });

  it('marks an unknown column with the closest name, and a cast no target shares', () => {
    const ctx = ctxOf([row('amunt', { name: 'double' }), row('placed', { name: 'integer' })]);
    expect(castStage.check?.(ctx).map((d) => [d.code, d.path, d.message])).toEqual([
      [
        'unknown-column',
        ['columns', 0, 'column'],
        'Unknown column "amunt"; did you mean "Amount"?',
      ],
      [
        'invalid-config',
        ['columns', 1, 'type'],
        '"placed" (DATE) has no conversion to integer that every target shares. Pick another type, or compute the value with Derive columns.',
      ],
    ]);
    expect(castStage.check?.(ctxOf([row('nothing', { name: 'date' })], {}))).toEqual([]);
  });

  it.each([
    [
      'a column cast twice',
      [row('id', { name: 'text' }), row('ID', { name: 'integer' })],
      ['columns', 1, 'column'],
      '"ID" is used twice.',
    ],
    [
      'a scale above the precision',
      [row('id', { name: 'decimal', precision: 4, scale: 5 })],
      ['columns', 0, 'type', 'scale'],
      'The scale (digits after the point) cannot exceed the precision (all digits).',
    ],
    [
      'a precision past every target',
      [row('id', { name: 'decimal', precision: 66, scale: 0 })],
      ['columns', 0, 'type', 'precision'],
      'The precision is at most 65.',
    ],
    [
      'a varchar without a length',
      [{ column: 'id', type: { name: 'varchar' } }],
      ['columns', 0, 'type', 'length'],
      'Enter the length.',
    ],
    [
      'a type not in the vocabulary',
      [{ column: 'id', type: { name: 'money' } }],
      ['columns', 0, 'type', 'name'],
      'Pick a type from the list.',
    ],
  ])('refuses %s at its field', (_what, columns, path, message) => {
    const issues = CastConfigSchema.safeParse({ columns, onError: 'fail' }).error?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });
});
