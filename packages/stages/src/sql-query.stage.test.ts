import { describe, expect, it } from 'vitest';

import { SqlQueryConfigSchema, sqlQueryStage } from './sql-query.stage';

describe('sql query stage', () => {
  it('is an origin whose SELECT compiles to a target select on its field', () => {
    expect(sqlQueryStage.category).toBe('origin');
    expect(sqlQueryStage.ports).toEqual({ inputs: [], outputs: ['out'] });
    const config = { sql: 'SELECT id FROM orders' };
    expect(sqlQueryStage.compile({ stageId: 'q', config, inputs: {} })).toEqual({
      op: 'target-select',
      sql: 'SELECT id FROM orders',
      path: ['sql'],
    });
  });

  it('leaves its columns to the target, which describes the SELECT', () => {
    const config = { sql: 'SELECT id FROM orders' };
    expect(sqlQueryStage.outputColumns({ stageId: 'q', config, inputs: {} })).toBeUndefined();
  });

  it('refuses an empty SELECT at its field, trimmed', () => {
    const issues = SqlQueryConfigSchema.safeParse({ sql: ' \n ' }).error?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([
      [['sql'], 'Write a SELECT over tables of the target, e.g. SELECT * FROM orders.'],
    ]);
  });
});
