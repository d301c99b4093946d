import { describe, expect, it } from 'vitest';

import {
  restoredObject,
  RestoreSnapshotConfigSchema,
  restoreSnapshotStage,
} from './restore-snapshot.stage';

describe('restore-snapshot', () => {
  it('names what a restore overwrites, for the confirmation before a run', () => {
    const parse = (config: Record<string, unknown>) =>
      RestoreSnapshotConfigSchema.parse({ snapshot: 'sp', ...config });
    expect(restoredObject(parse({ level: 'account', account: 'acc1' }))).toBe(
      'the whole account acc1',
    );
    expect(restoredObject(parse({ level: 'database', database: 'sales' }))).toBe('database sales');
    expect(restoredObject(parse({ level: 'table', database: 'sales', table: 'orders' }))).toBe(
      'table sales.orders',
    );
  });

  it('asks for the account, database and table each level needs', () => {
    const paths = (config: Record<string, unknown>) =>
      RestoreSnapshotConfigSchema.safeParse({ snapshot: 'sp', ...config }).error?.issues.map(
        (i) => i.path,
      );
    expect(paths({ level: 'account' })).toEqual([['account']]);
    expect(paths({ level: 'table' })).toEqual([['database'], ['table']]);
  });

  it('compiles with the account when given, and runs after the commit', () => {
    const config = RestoreSnapshotConfigSchema.parse({
      snapshot: 'sp',
      level: 'database',
      account: 'acc1',
      database: 'sales',
      table: 'ignored',
    });
    expect(restoreSnapshotStage.compile({ stageId: 'r', config, inputs: {} })).toEqual({
      op: 'restore-snapshot',
      snapshot: 'sp',
      level: 'database',
      account: 'acc1',
      database: 'sales',
    });
    expect(restoreSnapshotStage.ui.placement?.(config)).toBe('after-commit');
    expect(restoreSnapshotStage.ui.confirmBeforeRun?.(config)).toBe(
      'database sales is overwritten with what snapshot sp holds; changes made since are lost.',
    );
  });
});
