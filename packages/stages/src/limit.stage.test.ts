import { describe, expect, it } from 'vitest';

import { LimitConfigSchema, limitStage } from './limit.stage';

describe('limit stage', () => {
  it('compiles to a limit of its input with its count and offset', () => {
    const ctx = { stageId: 'l', config: { count: 10, offset: 5 }, inputs: {} };
    expect(limitStage.compile(ctx)).toEqual({
      op: 'limit',
      input: { op: 'input', port: 'in' },
      count: 10,
      offset: 5,
    });
    const columns = [{ name: 'id', type: 'BIGINT' as const }];
    expect(limitStage.outputColumns({ ...ctx, inputs: { in: columns } })).toEqual(columns);
  });

  it.each([
    [{ count: -1, offset: 0 }, ['count'], 'Enter 0 or more rows.'],
    [{ count: 1.5, offset: 0 }, ['count'], 'Enter a whole number of rows.'],
    [{ count: 1, offset: 2 ** 60 }, ['offset'], 'Enter a whole number of rows.'],
  ])('refuses %j at its field', (config, path, message) => {
    const issues = LimitConfigSchema.safeParse(config).error?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });
});
