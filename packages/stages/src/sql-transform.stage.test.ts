import { describe, expect, it } from 'vitest';

import { SqlTransformConfigSchema, sqlTransformStage } from './sql-transform.stage';

const columns = [{ name: 'id', type: 'BIGINT' as const }];
const ctxOf = (inputs: Record<string, typeof columns | undefined>) => ({
  stageId: 't',
  config: { sql: 'SELECT * FROM a' },
  inputs,
});

describe('sql transform stage', () => {
  it('reads input a, and b only while it is linked, by their port names', () => {
    expect(sqlTransformStage.ports).toEqual({
      inputs: ['a', 'b'],
      outputs: ['out'],
      optional: ['b'],
    });
    expect(sqlTransformStage.compile(ctxOf({ a: columns }))).toEqual({
      op: 'user-select',
      inputs: { a: { op: 'input', port: 'a' } },
      sql: 'SELECT * FROM a',
      path: ['sql'],
    });
    const both = sqlTransformStage.compile(ctxOf({ a: columns, b: undefined }));
    expect(both.op === 'user-select' && Object.keys(both.inputs)).toEqual(['a', 'b']);
  });

  it('leaves its output columns to the compiler, which reads them off the SELECT', () => {
    expect(sqlTransformStage.outputColumns(ctxOf({ a: columns }))).toBeUndefined();
  });

  it('refuses an empty SELECT at its field, trimmed', () => {
    const issues = SqlTransformConfigSchema.safeParse({ sql: '  \n ' }).error?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([
      [['sql'], 'Write a SELECT over the inputs, e.g. SELECT * FROM a.'],
    ]);
  });
});
