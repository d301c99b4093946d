import { describe, expect, it } from 'vitest';

import { SortConfigSchema, sortStage } from './sort.stage';

const input = [
  { name: 'amount', type: 'DOUBLE' as const },
  { name: 'country', type: 'VARCHAR' as const },
];
const key = (
  column: string,
  direction: 'asc' | 'desc' = 'asc',
  nulls: 'first' | 'last' = 'last',
) => ({
  column,
  direction,
  nulls,
});
const ctxOf = (keys: ReturnType<typeof key>[]) => ({
  stageId: 's',
  config: { keys },
  inputs: { in: input },
});

describe('sort stage', () => {
  it('passes its input columns and, without keys, its input through', () => {
    expect(sortStage.outputColumns(ctxOf([key('amount')]))).toEqual(input);
    expect(sortStage.compile(ctxOf([]))).toEqual({ op: 'input', port: 'in' });
  });

  it('compiles its keys to column expressions pointing back at their field', () => {
    expect(sortStage.compile(ctxOf([key('amount', 'desc', 'first'), key('country')]))).toEqual({
      op: 'sort',
      input: { op: 'input', port: 'in' },
      keys: [
        {
          expr: { kind: 'column', name: 'amount', path: ['keys', 0, 'column'] },
          direction: 'desc',
          nulls: 'first',
        },
        {
          expr: { kind: 'column', name: 'country', path: ['keys', 1, 'column'] },
          direction: 'asc',
          nulls: 'last',
        },
      ],
    });
  });

  it('marks a key naming no input column, offering the closest, and nothing while unknown', () => {
    const found = sortStage.check?.(ctxOf([key('amount'), key('contry')])) ?? [];
    expect(found.map((d) => [d.code, d.path])).toEqual([['unknown-column', ['keys', 1, 'column']]]);
    expect(found[0]?.message).toContain('country');
    expect(sortStage.check?.({ ...ctxOf([key('x')]), inputs: {} })).toEqual([]);
  });

  it('refuses an unknown direction or NULL placement at its field', () => {
    const parsed = SortConfigSchema.safeParse({
      keys: [
        { column: 'a', direction: 'up', nulls: 'last' },
        { column: 'b', direction: 'asc', nulls: 'middle' },
      ],
    });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([
      ['keys', 0, 'direction'],
      ['keys', 1, 'nulls'],
    ]);
  });
});
