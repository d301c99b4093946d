import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { analyzeFlow, compileFlow, getDialect } from '@sluice/compiler';

import type { Target } from '../src/target';
import type { BothTargets } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { link, stage } from './flows';

/**
 * A table source on real DuckDB and MariaDB: the catalogue lists the tables flows may read and
 * gives each one's columns with neutral types, and a flow reading one writes the same rows.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'paid', type: 'BOOLEAN' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'ordered_on', type: 'DATE' },
] as const;

let both: BothTargets;

async function run(target: Target, sql: string): Promise<void> {
  const client = await target.connect();
  try {
    await client.run(sql);
  } finally {
    await client.close();
  }
}

async function createOrders(target: Target): Promise<void> {
  const dialect = getDialect(target.profile.dialect);
  const q = (name: string) => dialect.quoteIdentifier(name);
  const columns = COLUMNS.map((c) => `${q(c.name)} ${dialect.columnType(c.type)}`).join(', ');
  await run(target, `CREATE TABLE ${q('shop_orders')} (${columns})`);
  await run(
    target,
    `INSERT INTO ${q('shop_orders')} VALUES (1, 'KR', true, 12.5, '2026-10-01'), ` +
      `(2, NULL, false, 7.25, '2026-10-02'), (3, 'US', true, 30, '2026-10-03')`,
  );
  await run(target, `CREATE TABLE ${q('__sluice_0badbeef_x')} (${q('id')} BIGINT)`);
}

beforeAll(async () => {
  both = await openBothTargets('table_source');
  for (const name of TARGET_NAMES) await createOrders(both.target(name));
  await run(both.target('DuckDB'), 'CREATE SCHEMA sluice');
  await run(both.target('DuckDB'), 'CREATE TABLE sluice.flows (id BIGINT)');
}, 30_000);

afterAll(() => both.close());

function copyFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'table-source', { table: 'shop_orders' }),
      stage('paid', 'filter', { condition: 'paid' }),
      stage('dest', 'table-destination', { table: 'paid_orders', mode: 'overwrite' }),
    ],
    links: [link('src', 'paid'), link('paid', 'dest')],
  };
}

describe.each(TARGET_NAMES)('a table source on %s', (name) => {
  const target = () => both.target(name);

  it("lists the tables flows may read, without run staging or Sluice's own", async () => {
    expect(await target().listTables()).toEqual([{ name: 'shop_orders' }]);
  });

  it("gives a table's columns in order with neutral types, and nothing for a missing one", async () => {
    expect(await target().tableColumns({ name: 'shop_orders' })).toEqual(COLUMNS);
    expect(await target().tableColumns({ name: 'no_such_table' })).toBeUndefined();
  });

  it('reads the table in a flow with its catalogue columns, and writes the rows it keeps', async () => {
    const columns = await target().tableColumns({ name: 'shop_orders' });
    if (!columns) throw new Error('shop_orders has no columns');
    const { plan, diagnostics } = compileFlow(analyzeFlow(copyFlow()), {
      target: target().profile,
      runTag: 'a1b2c3d4',
      existingTables: await target().existingTables([{ name: 'paid_orders' }]),
      detectedColumns: { src: columns },
    });
    if (!plan) throw new Error(JSON.stringify(diagnostics));
    const client = await target().connect();
    try {
      expect((await runPlan(client, plan, { onEvent: () => undefined })).state).toBe('succeeded');
      const rows = await client.query<{ id: unknown; country: unknown }>(
        'SELECT id, country FROM paid_orders ORDER BY id',
      );
      expect(rows.map((r) => [Number(r.id), r.country])).toEqual([
        [1, 'KR'],
        [3, 'US'],
      ]);
    } finally {
      await client.close();
    }
  });
});
