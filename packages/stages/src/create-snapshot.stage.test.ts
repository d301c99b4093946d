import { describe, expect, it } from 'vitest';

import { CreateSnapshotConfigSchema, createSnapshotStage } from './create-snapshot.stage';

const compile = (config: Record<string, unknown>) =>
  createSnapshotStage.compile({
    stageId: 's',
    config: CreateSnapshotConfigSchema.parse({ name: 'sp', ...config }),
    inputs: {},
  });

describe('create-snapshot', () => {
  it.each([
    [
      { level: 'account', database: 'ignored' },
      { op: 'create-snapshot', name: 'sp', level: 'account' },
    ],
    [
      { level: 'database', database: 'db' },
      { op: 'create-snapshot', name: 'sp', level: 'database', database: 'db' },
    ],
    [
      { level: 'table', database: 'db', table: 't' },
      { op: 'create-snapshot', name: 'sp', level: 'table', database: 'db', table: 't' },
    ],
  ])('compiles %o', (config, node) => {
    expect(compile(config)).toEqual(node);
  });

  it('asks for the database and the table the level needs, on their fields', () => {
    const issues = CreateSnapshotConfigSchema.safeParse({ name: 'sp', level: 'table' }).error
      ?.issues;
    expect(issues?.map((i) => i.path)).toEqual([['database'], ['table']]);
  });

  it('runs after the commit', () => {
    expect(createSnapshotStage.ui.placement?.(createSnapshotStage.defaults)).toBe('after-commit');
  });
});
