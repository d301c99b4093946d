/** Runs through the API on MariaDB: the server on a fresh database of the test MariaDB. */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { TestServer } from '../../test/harness';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';

let server: TestServer;
let database: string;
beforeAll(async () => {
  server = await startTestServer({}, 'mariadb');
  const location = server.config.database;
  if (location.kind === 'duckdb') throw new Error('expected a MariaDB location');
  database = location.database;
});
afterAll(async () => {
  await server.close();
});

async function runToEnd(name: string, document: FlowDocument) {
  const { id: flowId } = await server.caller.flow.create({ name, document });
  const { runId } = await server.caller.run.start({ flowId });
  for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
  return server.caller.run.byId({ runId });
}

const paidRows = async (): Promise<{ order_id: unknown; amount: unknown }[]> =>
  server.services.target.meta.query(
    `SELECT order_id, amount FROM \`${database}\`.paid_orders ORDER BY order_id`,
  );

const tablesNow = async (): Promise<string[]> =>
  (
    await server.services.target.meta.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
      [database],
    )
  ).map((row) => row.name);

const metadataFlows = async (): Promise<{ name: string }[]> =>
  server.services.target.meta.query(
    `SELECT name FROM \`${server.config.metadataDatabase}\`.flows ORDER BY name`,
  );

describe('runs on MariaDB', () => {
  it('loads a CSV, filters it, overwrites a table and exports a file', async () => {
    const run = await runToEnd('Paid orders', paidOrdersFlow());
    expect(run.state).toBe('succeeded');
    expect(run.stages.every((stage) => stage.state === 'succeeded')).toBe(true);
    const samples = await readFile(join(server.dir, 'samples', 'orders.csv'), 'utf8');
    const paid = samples.split('\n').filter((line) => line.split(',')[4] === 'paid');
    expect(paid.length).toBeGreaterThan(0);
    expect(await paidRows()).toHaveLength(paid.length);
    expect(run.stages.find((stage) => stage.stageId === 'paid')?.rows).toBe(paid.length);
    const exported = await readFile(join(server.config.exportsDir, 'paid.csv'), 'utf8');
    expect(exported.trim().split('\n')).toHaveLength(paid.length + 1);
    expect(await tablesNow()).toEqual(['paid_orders']);
    // The file the server asks Sluice for is named by its stage:// form, and no path is shown.
    const sql = run.stages.map((stage) => stage.sql ?? '').join('\n');
    expect(sql).toContain("LOAD DATA LOCAL INFILE 'stage://samples/orders.csv'");
    expect(sql).not.toContain(server.dir);
  });

  it('fails a run whose rows cannot be written, leaving the table as it was and no staging behind', async () => {
    const before = await paidRows();
    expect(before.length).toBeGreaterThan(0);
    // MariaDB's strict mode turns a division by zero into an error when rows are written
    // (ERROR_FOR_DIVISION_BY_ZERO), so the new table's rows fail while the read succeeds.
    const condition = `status = 'paid' AND amount / (order_id - order_id) > 0`;
    const run = await runToEnd('Broken', paidOrdersFlow({ condition }));
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/Division by 0/i);
    expect(run.stages.find((stage) => stage.stageId === 'table')?.state).not.toBe('succeeded');
    expect(await paidRows()).toEqual(before);
    expect(await tablesNow()).toEqual(['paid_orders']);
  });

  it('runs only the selected export and its upstream, leaving the table untouched', async () => {
    const before = await paidRows();
    const tables = await tablesNow();
    await rm(join(server.config.exportsDir, 'paid.csv'), { force: true });
    const { id: flowId } = await server.caller.flow.create({
      name: 'Up to the export',
      document: paidOrdersFlow({ condition: `status = 'paid' AND order_id < 3` }),
    });
    const { runId } = await server.caller.run.start({ flowId, stageIds: ['export'] });
    for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
    const run = await server.caller.run.byId({ runId });
    expect(run.state).toBe('succeeded');
    expect(run.stages.map((s) => s.stageId)).toEqual(['orders', 'paid', 'export']);
    expect(await readdir(server.config.exportsDir)).toContain('paid.csv');
    expect(await paidRows()).toEqual(before);
    expect(await tablesNow()).toEqual(tables);
  });

  it('refuses a table destination in the metadata database, in the preview and the run, leaving it intact', async () => {
    await server.caller.flow.create({ name: 'Kept', document: paidOrdersFlow() });
    const before = await metadataFlows();
    const document = paidOrdersFlow();
    const table = document.stages.find((s) => s.id === 'table');
    const schema = server.config.metadataDatabase;
    if (table) table.config = { ...table.config, schema, table: 'flows', mode: 'overwrite' };
    const refusal = {
      code: 'reserved-schema',
      stageId: 'table',
      path: ['schema'],
      message: `Schema "${schema}" holds Sluice's own tables (flows, runs, external stages); write to another schema.`,
    };

    const preview = await server.caller.compile.preview({ document });
    expect(preview.diagnostics).toContainEqual(expect.objectContaining(refusal));
    expect(preview.steps).toEqual([]);

    const { id: flowId } = await server.caller.flow.create({ name: 'Wiper', document });
    const error = await server.caller.run.start({ flowId }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(refusal.message);
    expect(await server.caller.run.list({ flowId })).toEqual([]);
    expect((await metadataFlows()).map((f) => f.name)).toEqual([
      ...before.map((f) => f.name),
      'Wiper',
    ]);
  });

  it("re-runs a past run and shows its table's rows, NULL apart from '', and its file", async () => {
    const first = await runToEnd('Rerun', paidOrdersFlow());
    const { runId } = await server.caller.run.rerun({ runId: first.id });
    for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
    const again = await server.caller.run.byId({ runId });
    expect(again).toMatchObject({ flowVersion: 1, startedBy: 'rerun', state: 'succeeded' });

    await server.services.target.meta.run(
      `UPDATE \`${database}\`.paid_orders SET customer = IF(order_id = 1, NULL, '')
       WHERE order_id IN (1, 2)`,
    );
    const result = await server.caller.run.destinationRows({ runId, stageId: 'table' });
    expect(result.columns.map((c) => c.name)).toContain('customer');
    const customers = new Map(result.rows.map((row) => [row[0], row[1]]));
    expect(customers.get('1')).toBeNull();
    expect(customers.get('2')).toBe('');
    expect(result.rows).toHaveLength((await paidRows()).length);
    const head = await server.caller.run.exportHead({ runId, stageId: 'export' });
    expect(head.lines[0]).toBe('order_id,customer,country,amount,status,ordered_at');
    expect(head.lines).toHaveLength(result.rows.length + 1);
  });
});
