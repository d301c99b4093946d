import { describe, expect, it } from 'vitest';

import { CloneConfigSchema, cloneStage } from './clone.stage';

const base = cloneStage.defaults;
const compile = (config: Partial<typeof base>) =>
  cloneStage.compile({ stageId: 'c', config: { ...base, ...config }, inputs: {} });

describe('clone', () => {
  it('compiles a table clone across schemas, leaving out empty settings', () => {
    expect(
      compile({ sourceSchema: 'sales', targetSchema: 'backup', snapshot: '', toAccount: '' }),
    ).toEqual({
      op: 'clone',
      what: 'table',
      source: { schema: 'sales', name: 'orders' },
      target: { schema: 'backup', name: 'orders_copy' },
      ifNotExists: false,
    });
  });

  it('compiles a database clone at a snapshot into another account, without schemas', () => {
    const node = compile({
      what: 'database',
      source: 'sales',
      target: 'sales_copy',
      sourceSchema: 'ignored',
      snapshot: 'sp1',
      ifNotExists: true,
      toAccount: 'acc1',
    });
    expect(node).toEqual({
      op: 'clone',
      what: 'database',
      source: { name: 'sales' },
      target: { name: 'sales_copy' },
      snapshot: 'sp1',
      ifNotExists: true,
      toAccount: 'acc1',
    });
    expect(cloneStage.ui.fields.sourceSchema?.hiddenWhen?.({ ...base, what: 'database' })).toBe(
      true,
    );
  });

  it('runs after the commit and needs a name for the copy', () => {
    expect(cloneStage.ui.placement?.(base)).toBe('after-commit');
    const issues = CloneConfigSchema.safeParse({ ...base, target: '' }).error?.issues;
    expect(issues?.map((i) => i.path)).toEqual([['target']]);
  });
});
