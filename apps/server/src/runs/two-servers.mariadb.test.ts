/**
 * Two Sluice servers on one MariaDB database (each with its own metadata database and run
 * manager): their runs see each other's claims, and a start-up sweep drops the staging of runs
 * that no longer run without touching the other server's live run.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { RunClient } from '@sluice/engine';
import type { FlowDocument } from '@sluice/flow';
import { destinationLockName, runLockName } from '@sluice/engine';

import type { TestServer } from '../../test/harness';
import type { Services } from '../services';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';
import { createContextInner } from '../context';
import { logger } from '../logger';
import { createCaller } from '../root';
import { createServices } from '../services';
import { tableClaimKey } from './destination-claims';

let a: TestServer;
let b: Services;
let callerB: ReturnType<typeof createCaller>;
let database: string;

beforeAll(async () => {
  a = await startTestServer({}, 'mariadb');
  const location = a.config.database;
  if (location.kind === 'duckdb') throw new Error('expected a MariaDB location');
  database = location.database;
  b = await createServices({ ...a.config, metadataDatabase: `${a.config.metadataDatabase}_b` });
  callerB = createCaller(createContextInner({ services: b }));
}, 60_000);

afterAll(async () => {
  await b.target.execute(`DROP DATABASE IF EXISTS \`${b.config.metadataDatabase}\``);
  await b.close();
  await a.close();
});

async function runToEnd(caller: ReturnType<typeof createCaller>, runId: string) {
  for await (const snapshot of await caller.run.events({ runId })) void snapshot;
  return caller.run.byId({ runId });
}

/** Paid orders appended to `paid_orders`: after the first run, an INSERT in a transaction. */
function appendFlow(): FlowDocument {
  const document = paidOrdersFlow();
  return {
    ...document,
    stages: document.stages.map((s) =>
      s.id === 'table' ? { ...s, config: { ...s.config, mode: 'append' } } : s,
    ),
  };
}

/**
 * A connection locking every row of `paid_orders` (and the gaps between) in an open
 * transaction: a run's INSERT waits for it, so the run is certainly running while it waits.
 */
async function blockAppends(): Promise<RunClient> {
  const blocker = await a.services.target.connect();
  await blocker.run('BEGIN');
  await blocker.query('SELECT * FROM paid_orders FOR UPDATE');
  return blocker;
}

/** Polls `check` until it holds; past 20 s fails saying what it waited for. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up after 20 s waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const untilAppendWaits = () =>
  until("the run's INSERT into paid_orders to wait for the blocking transaction", async () => {
    const rows = await a.services.target.meta.query(
      "SELECT id FROM information_schema.processlist WHERE db = ? AND info LIKE 'INSERT INTO%paid_orders%'",
      [database],
    );
    return rows.length > 0;
  });

async function countPaidOrders(): Promise<number> {
  const [row] = await a.services.target.meta.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM \`${database}\`.paid_orders`,
  );
  return Number(row?.n);
}

const lockFree = async (name: string): Promise<boolean> => {
  const [row] = await a.services.target.meta.query<{ free: unknown }>(
    'SELECT IS_FREE_LOCK(?) AS free',
    [name],
  );
  return Number(row?.free) === 1;
};

describe('two servers on one MariaDB database', () => {
  it("refuses server B's run of a table server A's run writes, until A's run ends", async () => {
    const { id: flowA } = await a.caller.flow.create({ name: 'A', document: appendFlow() });
    const { id: flowB } = await callerB.flow.create({ name: 'B', document: appendFlow() });
    expect(
      (await runToEnd(a.caller, (await a.caller.run.start({ flowId: flowA })).runId)).state,
    ).toBe('succeeded');

    const blocker = await blockAppends();
    const { runId } = await a.caller.run.start({ flowId: flowA });
    await untilAppendWaits();
    const refused = await callerB.run.start({ flowId: flowB }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message:
        'The table "paid_orders" is being written by a run on another Sluice server using this database. Wait for it to end or cancel it there, then run again.',
    });
    await blocker.run('COMMIT');
    await blocker.close();
    expect((await runToEnd(a.caller, runId)).state).toBe('succeeded');

    const { runId: runB } = await callerB.run.start({ flowId: flowB });
    expect((await runToEnd(callerB, runB)).state).toBe('succeeded');
  }, 60_000);

  it("fails A's run, leaving its table as it was, when its claim connection is killed", async () => {
    const { id: flowId } = await a.caller.flow.create({
      name: 'Killed',
      document: appendFlow(),
    });
    const lock = destinationLockName(tableClaimKey(database, { name: 'paid_orders' }));
    const first = await a.caller.run.start({ flowId });
    expect((await runToEnd(a.caller, first.runId)).state).toBe('succeeded');
    const rowsBefore = await countPaidOrders();
    const blocker = await blockAppends();
    const { runId } = await a.caller.run.start({ flowId });
    await untilAppendWaits();
    const [owner] = await a.services.target.meta.query<{ id: number | null }>(
      'SELECT IS_USED_LOCK(?) AS id',
      [lock],
    );
    expect(owner?.id).not.toBeNull();
    await a.services.target.meta.run(`KILL ${String(owner?.id)}`);
    await until(`the killed connection's lock ${lock} to be free`, () => lockFree(lock));
    const ended = await runToEnd(a.caller, runId);
    await blocker.run('COMMIT');
    await blocker.close();
    expect(ended).toMatchObject({
      state: 'failed',
      error: expect.stringContaining(
        "The run's claim on its destinations in the target was lost",
      ) as unknown,
    });
    expect(await countPaidOrders()).toBe(rowsBefore);
  }, 60_000);

  it('sweeps the staging of dead runs at start-up, logging it, and keeps a live run of server B', async () => {
    const dead = ['__sluice_deadbeef_orders', '__sluice_deadbeef_table_new'];
    const live = '__sluice_cafef00d_orders';
    for (const name of [...dead, live, 'orders_archive']) {
      await a.services.target.meta.run(`CREATE TABLE \`${database}\`.\`${name}\` (id INT)`);
    }
    // A flow writing a table in another database, beside which a dead run left its shadow.
    const elsewhere = `${database}_dest`;
    await a.services.target.meta.run(`CREATE DATABASE \`${elsewhere}\``);
    await a.services.target.meta.run(
      `CREATE TABLE \`${elsewhere}\`.__sluice_deadbeef_table_new (id INT)`,
    );
    await a.caller.flow.create({
      name: 'Elsewhere',
      document: {
        ...appendFlow(),
        stages: appendFlow().stages.map((s) =>
          s.id === 'table' ? { ...s, config: { ...s.config, schema: elsewhere } } : s,
        ),
      },
    });
    const claim = await b.target.claim({ runTag: 'cafef00d', destinations: [] });
    const info = vi.spyOn(logger, 'info');
    try {
      a = await a.restart();
      const logged = info.mock.calls.map(([line]) => line).join('\n');
      for (const name of dead) expect(logged).toContain(`${database}.${name}`);
      expect(logged).toContain(`${elsewhere}.__sluice_deadbeef_table_new`);
      expect(logged).not.toContain(live);
    } finally {
      info.mockRestore();
      await claim.release();
    }
    expect(await lockFree(runLockName('cafef00d'))).toBe(true);
    const tables = await a.services.target.meta.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
      [database],
    );
    expect(tables.map((t) => t.name).sort()).toEqual([live, 'orders_archive', 'paid_orders']);
    const shadows = await a.services.target.meta.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = ?',
      [elsewhere],
    );
    await a.services.target.meta.run(`DROP DATABASE \`${elsewhere}\``);
    expect(shadows).toEqual([]);
  }, 60_000);
});
