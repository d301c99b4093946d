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
    expect(help).toContain(
      "Overwrite replaces the table's rows and columns with this run's result",
    );
  });

  it('summarises the node with the table it writes', () => {
    const { ui } = tableDestinationStage;
    expect(ui.summary?.({ ...base, schema: 'analytics', table: 'orders' })).toBe(
      'analytics.orders',
    );
    expect(ui.summary?.({ ...base, schema: '', table: 'orders' })).toBe('orders');
  });
});
