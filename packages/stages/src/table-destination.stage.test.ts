import { describe, expect, it } from 'vitest';

import { TableDestinationConfigSchema, tableDestinationStage } from './table-destination.stage';

const base = tableDestinationStage.defaults;

describe('table-destination', () => {
  it.each([`it's "odd" \`name\``, 'back\\slash', 'Zürich 東京 🚀', 'x'.repeat(128)])(
    'accepts the table name %j',
    (table) => {
      expect(TableDestinationConfigSchema.safeParse({ ...base, table }).success).toBe(true);
    },
  );

  it.each(['', 'a\0b', 'x'.repeat(129)])('rejects the table name %j', (table) => {
    const issues = TableDestinationConfigSchema.safeParse({ ...base, table }).error?.issues;
    expect(issues?.[0]?.path).toEqual(['table']);
  });

  it('compiles to a write-table sink, leaving out an empty schema', () => {
    const ctx = { stageId: 'd', inputs: {} };
    expect(tableDestinationStage.compile({ ...ctx, config: { ...base, schema: '' } })).toEqual({
      op: 'write-table',
      input: { op: 'input', port: 'in' },
      table: { name: 'output' },
      mode: 'append',
      createIfMissing: true,
    });
    const config = { ...base, schema: 'sales', mode: 'overwrite' as const };
    expect(tableDestinationStage.compile({ ...ctx, config })).toMatchObject({
      table: { schema: 'sales', name: 'output' },
      mode: 'overwrite',
    });
  });

  it('says in words what each write mode does to an existing table', () => {
    const help = tableDestinationStage.ui.fields.mode?.help;
    expect(help).toContain("Append adds this run's rows to the rows already in the table");
    expect(help).toContain("Overwrite replaces the table's rows with this run's result");
  });

  it('summarises the node with the table it writes', () => {
    const { ui } = tableDestinationStage;
    expect(ui.summary?.({ ...base, schema: 'analytics', table: 'orders' })).toBe(
      'analytics.orders',
    );
    expect(ui.summary?.({ ...base, schema: '', table: 'orders' })).toBe('orders');
  });
});

describe('table-destination upsert', () => {
  const inputs = {
    in: [
      { name: 'id', type: 'BIGINT' as const },
      { name: 'amount', type: 'DOUBLE' as const },
    ],
  };

  it('asks for key columns on the keys field when the mode is upsert', () => {
    const result = TableDestinationConfigSchema.safeParse({ ...base, mode: 'upsert', keys: [] });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['keys']]);
    expect(
      TableDestinationConfigSchema.safeParse({ ...base, mode: 'append', keys: [] }).success,
    ).toBe(true);
  });

  it('rejects a key named twice, ignoring case', () => {
    const config = { ...base, mode: 'upsert', keys: ['id', 'ID'] };
    const issues = TableDestinationConfigSchema.safeParse(config).error?.issues;
    expect(issues?.map((i) => i.path)).toEqual([['keys', 1]]);
  });

  it('names a key column the input lacks, and refuses keys that are every column', () => {
    const check = (keys: string[]) =>
      tableDestinationStage.check?.({
        stageId: 'd',
        config: { ...base, mode: 'upsert', keys },
        inputs,
      });
    expect(check(['idd'])).toEqual([
      expect.objectContaining({ code: 'unknown-column', path: ['keys', 0] }),
    ]);
    expect(check(['id', 'amount'])).toEqual([
      expect.objectContaining({ code: 'invalid-config', path: ['keys'] }),
    ]);
    expect(check(['id'])).toEqual([]);
  });

  it('compiles the keys for an upsert only, and hides the field otherwise', () => {
    const ctx = { stageId: 'd', inputs };
    const config = { ...base, mode: 'upsert' as const, keys: ['id'] };
    expect(tableDestinationStage.compile({ ...ctx, config })).toMatchObject({
      mode: 'upsert',
      keys: ['id'],
    });
    expect(
      tableDestinationStage.compile({ ...ctx, config: { ...config, mode: 'append' } }),
    ).not.toHaveProperty('keys');
    expect(tableDestinationStage.ui.fields.keys?.hiddenWhen?.({ ...config, mode: 'append' })).toBe(
      true,
    );
    expect(tableDestinationStage.ui.fields.keys?.hiddenWhen?.(config)).toBe(false);
  });

  it('migrates a version 1 config, which had no keys', () => {
    const [migration] = tableDestinationStage.migrations;
    const up = migration?.up({ table: 'x', mode: 'append', createIfMissing: true });
    expect(TableDestinationConfigSchema.parse(up)).toMatchObject({ keys: [] });
  });
});
