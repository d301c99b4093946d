import { describe, expect, it } from 'vitest';

import { SqlStatementConfigSchema, sqlStatementStage } from './sql-statement.stage';

describe('sql-statement', () => {
  it('asks where the statement runs on the runs field: there is no default', () => {
    expect(sqlStatementStage.defaults).not.toHaveProperty('runs');
    const found = sqlStatementStage.check?.({
      stageId: 's',
      config: sqlStatementStage.defaults,
      inputs: {},
    });
    expect(found?.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        'error',
        ['runs'],
        "Choose where the statement runs: inside the run's transaction, or after it commits.",
      ],
    ]);
    const chosen = { ...sqlStatementStage.defaults, runs: 'after-commit' as const };
    expect(sqlStatementStage.check?.({ stageId: 's', config: chosen, inputs: {} })).toEqual([]);
  });

  it('asks for a statement', () => {
    const issues = SqlStatementConfigSchema.safeParse({ sql: '  ', runs: 'inside' }).error?.issues;
    expect(issues?.map((i) => i.path)).toEqual([['sql']]);
  });

  it('compiles to the statement and where it runs, and badges its node with the choice', () => {
    const config = { sql: 'DELETE FROM t', runs: 'inside' as const };
    expect(sqlStatementStage.compile({ stageId: 's', config, inputs: {} })).toEqual({
      op: 'sql-statement',
      sql: 'DELETE FROM t',
      path: ['sql'],
      runs: 'inside',
    });
    expect(sqlStatementStage.ui.placement?.(config)).toBe('inside');
    expect(sqlStatementStage.ui.placement?.({ sql: 'x' })).toBeUndefined();
  });

  it('takes any number of links into its after port and outputs no rows', () => {
    expect(sqlStatementStage.ports.many).toEqual(['after']);
    expect(
      sqlStatementStage.outputColumns({ stageId: 's', config: { sql: 'x' }, inputs: {} }),
    ).toEqual([]);
  });
});
