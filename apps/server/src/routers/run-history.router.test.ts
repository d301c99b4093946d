/** History and results on DuckDB: who started a run, re-runs, restores, and a table's rows. */
import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { TestServer } from '../../test/harness';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';
import { trpcFailure } from '../../test/trpc-failure';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function finished(started: Promise<{ runId: string }>) {
  const { runId } = await started;
  for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
  return server.caller.run.byId({ runId });
}

/** Version 2 of the paid orders flow writes another table, so a run shows which one it ran. */
function secondVersion(): FlowDocument {
  const doc = paidOrdersFlow();
  return {
    ...doc,
    stages: doc.stages.map((s) =>
      s.id === 'table' ? { ...s, config: { ...s.config, table: 'paid_orders_v2' } } : s,
    ),
  };
}

describe('run history', () => {
  it('records who started each run: the API unless the editor says so', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'A',
      document: paidOrdersFlow(),
    });
    const byApi = await finished(server.caller.run.start({ flowId }));
    const byEditor = await finished(server.caller.run.start({ flowId, startedBy: 'editor' }));
    expect(byApi.startedBy).toBe('api');
    expect(byEditor.startedBy).toBe('editor');
    const list = await server.caller.run.list({ flowId });
    expect(list.map((r) => r.startedBy)).toEqual(['editor', 'api']);
  });

  it('runs a past run again on its own version, not the latest', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'A',
      document: paidOrdersFlow(),
    });
    const first = await finished(server.caller.run.start({ flowId }));
    await server.caller.flow.save({ id: flowId, baseVersion: 1, document: secondVersion() });
    await server.services.target.meta.run('DROP TABLE main.paid_orders');

    const again = await finished(server.caller.run.rerun({ runId: first.id }));
    expect(again).toMatchObject({ flowVersion: 1, startedBy: 'rerun', state: 'succeeded' });
    expect(again.id).not.toBe(first.id);
    const tables = await server.services.target.existingTables([
      { name: 'paid_orders' },
      { name: 'paid_orders_v2' },
    ]);
    expect(tables.map((t) => t.name)).toEqual(['paid_orders']);
  });

  it('answers a re-run of a run that does not exist with NOT_FOUND', async () => {
    const error = await trpcFailure(server.caller.run.rerun({ runId: 'nope' }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('shows a past version and restores it as a new version, refusing a stale base', async () => {
    const { id } = await server.caller.flow.create({ name: 'A', document: paidOrdersFlow() });
    await server.caller.flow.save({ id, baseVersion: 1, document: secondVersion() });

    const past = await server.caller.flow.atVersion({ id, version: 1 });
    expect(past.version).toBe(1);
    expect(past.document).toEqual(paidOrdersFlow());

    const stale = await trpcFailure(server.caller.flow.restore({ id, version: 1, baseVersion: 1 }));
    expect(stale.code).toBe('CONFLICT');
    const restored = await server.caller.flow.restore({ id, version: 1, baseVersion: 2 });
    expect(restored.version).toBe(3);
    const current = await server.caller.flow.byId({ id });
    expect(current).toMatchObject({ version: 3, document: paidOrdersFlow() });
    expect((await server.caller.flow.atVersion({ id, version: 2 })).document).toEqual(
      secondVersion(),
    );
    expect((await server.caller.flow.versions({ id })).map((v) => v.version)).toEqual([3, 2, 1]);

    const missing = await trpcFailure(server.caller.flow.atVersion({ id, version: 9 }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toMatch(/no version 9; its versions go up to 3/);
  });
});

describe('run results', () => {
  it("shows a table destination's first rows with column types, NULL apart from ''", async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'A',
      document: paidOrdersFlow(),
    });
    const run = await finished(server.caller.run.start({ flowId }));
    await server.services.target.meta.run(
      `UPDATE main.paid_orders SET customer = CASE WHEN order_id = 1 THEN NULL ELSE '' END
       WHERE order_id IN (1, 2)`,
    );

    const result = await server.caller.run.destinationRows({ runId: run.id, stageId: 'table' });
    expect(result.table).toBe('paid_orders');
    expect(result.columns.map((c) => c.name)).toEqual([
      'order_id',
      'customer',
      'country',
      'amount',
      'status',
      'ordered_at',
    ]);
    expect(result.columns.every((c) => c.type !== undefined)).toBe(true);
    expect(result.rows.length).toBe(run.stages.find((s) => s.stageId === 'table')?.rows);
    expect(result.more).toBe(false);
    const customers = new Map(result.rows.map((row) => [row[0], row[1]]));
    expect(customers.get('1')).toBeNull();
    expect(customers.get('2')).toBe('');
  });

  it('says when the table is gone, and when the stage writes no table', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'A',
      document: paidOrdersFlow(),
    });
    const run = await finished(server.caller.run.start({ flowId }));
    const notTable = await trpcFailure(
      server.caller.run.destinationRows({ runId: run.id, stageId: 'paid' }),
    );
    expect(notTable.code).toBe('BAD_REQUEST');
    expect(notTable.message).toMatch(/writes no table/);

    await server.services.target.meta.run('DROP TABLE main.paid_orders');
    const gone = await trpcFailure(
      server.caller.run.destinationRows({ runId: run.id, stageId: 'table' }),
    );
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.message).toBe('Table paid_orders no longer exists; it was dropped after the run.');
  });
});

describe('exported file head', () => {
  it("shows an export's first lines, and refuses a stage that exports nothing", async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'A',
      document: paidOrdersFlow(),
    });
    const run = await finished(server.caller.run.start({ flowId }));
    const head = await server.caller.run.exportHead({ runId: run.id, stageId: 'export' });
    expect(head.uri).toBe('stage://exports/paid.csv');
    expect(head.lines[0]).toBe('order_id,customer,country,amount,status,ordered_at');
    const written = run.stages.find((s) => s.stageId === 'export')?.rows ?? 0;
    expect(head.lines).toHaveLength(Math.min(written, 100) + 1);
    expect(head.more).toBe(written > 100);

    const none = await trpcFailure(
      server.caller.run.exportHead({ runId: run.id, stageId: 'table' }),
    );
    expect(none.code).toBe('BAD_REQUEST');
    expect(none.message).toMatch(/exports no file/);
  });

  it('refuses an export replaced by a symbolic link, and one that is gone', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'A',
      document: paidOrdersFlow(),
    });
    const run = await finished(server.caller.run.start({ flowId }));
    const exported = join(server.config.exportsDir, 'paid.csv');
    await rm(exported);
    const gone = await trpcFailure(
      server.caller.run.exportHead({ runId: run.id, stageId: 'export' }),
    );
    expect(gone.code).toBe('BAD_REQUEST');
    expect(gone.message).toContain('stage://exports/paid.csv');

    const outside = join(server.dir, 'outside.csv');
    await writeFile(outside, 'secret\n');
    await symlink(outside, exported);
    const linked = await trpcFailure(
      server.caller.run.exportHead({ runId: run.id, stageId: 'export' }),
    );
    expect(linked.code).toBe('BAD_REQUEST');
    expect(linked.message).not.toContain(server.dir);
  });
});
