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

  it('compiles to a select of all columns with the condition as user SQL', () => {
    const op = filterStage.compile({ stageId: 'f', config: { condition: 'a > 1' }, inputs: {} });
    expect(op).toEqual({
      kind: 'select',
      input: 'in',
      columns: 'all',
      where: { kind: 'sql', sql: 'a > 1', path: ['condition'] },
    });
  });
});
