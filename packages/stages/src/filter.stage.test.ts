import { describe, expect, it } from 'vitest';

import { FilterConfigSchema, filterStage } from './filter.stage';

describe('filter', () => {
  it('requires a non-blank condition', () => {
    expect(FilterConfigSchema.safeParse({ condition: 'amount > 0' }).success).toBe(true);
    const issues = FilterConfigSchema.safeParse({ condition: '   ' }).error?.issues;
    expect(issues?.[0]?.message).toContain('Write a condition');
  });

  it('passes its input columns through', () => {
    const columns = [{ name: 'a' }, { name: 'b', type: 'BIGINT' as const }];
    const ctx = { stageId: 'f', config: filterStage.defaults };
    expect(filterStage.outputColumns({ ...ctx, inputs: { in: columns } })).toEqual(columns);
    expect(filterStage.outputColumns({ ...ctx, inputs: {} })).toBeUndefined();
  });

  it('compiles to a filter of its input with the condition as user SQL', () => {
    const node = filterStage.compile({ stageId: 'f', config: { condition: 'a > 1' }, inputs: {} });
    expect(node).toEqual({
      op: 'filter',
      input: { op: 'input', port: 'in' },
      condition: { kind: 'sql', sql: 'a > 1', path: ['condition'] },
    });
  });
});
