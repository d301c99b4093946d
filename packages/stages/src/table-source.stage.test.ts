import { describe, expect, it } from 'vitest';

import { TableSourceConfigSchema, tableSourceStage } from './table-source.stage';

describe('table source stage', () => {
  const compile = (config: Record<string, unknown>) =>
    tableSourceStage.compile({
      stageId: 't',
      config: TableSourceConfigSchema.parse(config),
      inputs: {},
    });

  it('compiles to a scan of its table, in its schema when one is given', () => {
    expect(compile({ table: 'orders' })).toEqual({ op: 'scan-table', table: { name: 'orders' } });
    expect(compile({ table: 'orders', schema: 'shop', snapshot: '' })).toEqual({
      op: 'scan-table',
      table: { schema: 'shop', name: 'orders' },
    });
  });

  it('reads at a snapshot only when one is named', () => {
    expect(compile({ table: 'orders', snapshot: 'sp_monday' })).toEqual({
      op: 'scan-table',
      table: { name: 'orders' },
      snapshot: 'sp_monday',
    });
  });

  it('leaves its columns to the catalogue', () => {
    const config = TableSourceConfigSchema.parse({ table: 'orders' });
    expect(tableSourceStage.outputColumns({ stageId: 't', config, inputs: {} })).toBeUndefined();
  });

  it.each([
    [{ table: '' }, ['table']],
    [{ table: 'a\u0000b' }, ['table']],
    [{ table: 'orders', schema: 'x'.repeat(300) }, ['schema']],
  ])('refuses %j at its field', (config, path) => {
    const issues = TableSourceConfigSchema.safeParse(config).error?.issues;
    expect(issues?.map((i) => i.path)).toEqual([path]);
  });
});
