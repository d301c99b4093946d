import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Plan, PlanStep } from '@sluice/compiler';
import type { FlowDocument } from '@sluice/flow';

import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { runPlan } from '../src/run-plan';
import { openTarget } from '../src/target';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';
import { leftovers, tableContents } from './mariadb-checks';
import { untilRunning } from './server-process';

/**
 * One flow writing every kind of destination on MariaDB: an append to an existing table, an
 * overwrite of an existing table, a new table, and a CSV export. Failing the run at each step
 * in turn must leave all of them as they were.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'amount', type: 'DOUBLE' },
];
const mixedFlow: FlowDocument = {
  schemaVersion: 1,
  stages: [
    stage('src', 'file-source', { externalStage: 'landing', path: 'orders.csv', columns: COLUMNS }),
    stage('big', 'filter', { condition: 'amount > 10' }),
    stage('append', 'table-destination', { table: 'appended', mode: 'append' }),
    stage('over', 'table-destination', { table: 'overwritten', mode: 'overwrite' }),
    stage('fresh', 'table-destination', { table: 'created', mode: 'overwrite' }),
    stage('out', 'file-export', { externalStage: 'exports', path: 'big.csv' }),
  ],
  links: [
    link('src', 'big'),
    link('big', 'append'),
    link('big', 'over'),
    link('big', 'fresh'),
    link('big', 'out'),
  ],
};
const DESTINATIONS = ['appended', 'overwritten', 'created'];

let root: string;
let db: TestDatabase;
let target: Target;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-atomic-')));
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'orders.csv'), 'id,amount\n1,5\n2,15\n3,25\n');
  db = await createTestDatabase('sluice_atomic');
  target = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
}, 30_000);

afterAll(async () => {
  await target.close();
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  await rm(join(root, 'exports'), { recursive: true, force: true });
  for (const table of DESTINATIONS) await db.client.run(`DROP TABLE IF EXISTS \`${table}\``);
  await db.client.run('CREATE TABLE appended (id BIGINT, amount DOUBLE) ENGINE = InnoDB');
  await db.client.run('INSERT INTO appended VALUES (100, 1), (101, 2)');
  await db.client.run('CREATE TABLE overwritten (id BIGINT, amount DOUBLE, note TEXT)');
  await db.client.run("INSERT INTO overwritten VALUES (200, 3, 'kept')");
});

let runs = 0;
async function compileMixed(): Promise<Plan> {
  runs += 1;
  const existingTables = await target.existingTables(DESTINATIONS.map((name) => ({ name })));
  expect(existingTables).toEqual([{ name: 'appended' }, { name: 'overwritten' }]);
  return compileFor(mixedFlow, {
    target: target.profile,
    runTag: `a${String(runs)}`,
    root,
    existingTables,
  });
}

async function snapshot() {
  const tables = await Promise.all(
    DESTINATIONS.map(async (table) => {
      const exists = (await target.existingTables([{ name: table }])).length > 0;
      return exists ? await tableContents(db.client, table) : 'missing';
    }),
  );
  const exports = await readdir(join(root, 'exports')).catch(() => []);
  return { tables, exports };
}

async function run(plan: Plan, signal?: AbortSignal) {
  const client = await target.connect();
  try {
    return await runPlan(client, plan, { onEvent: () => undefined, ...(signal ? { signal } : {}) });
  } finally {
    await client.close();
  }
}

const failing = (like: PlanStep, id: string): PlanStep => ({
  id,
  phase: like.phase,
  sql: 'SELECT * FROM sluice_no_such_table',
  inTransaction: like.inTransaction,
  ...(like.stageId === undefined ? {} : { stageId: like.stageId }),
});

describe('a mixed plan on MariaDB', () => {
  it('appends, overwrites, creates and exports when nothing fails', async () => {
    const plan = await compileMixed();
    expect(plan.steps.some((s) => s.phase === 'swap' && s.undo !== undefined)).toBe(true);
    expect(await run(plan)).toEqual({ state: 'succeeded' });
    const rows = ['{"id":2,"amount":15}', '{"id":3,"amount":25}'];
    expect(await tableContents(db.client, 'appended')).toEqual([
      '{"id":100,"amount":1}',
      '{"id":101,"amount":2}',
      ...rows,
    ]);
    expect(await tableContents(db.client, 'overwritten')).toEqual(rows);
    expect(await tableContents(db.client, 'created')).toEqual(rows);
    expect((await snapshot()).exports).toEqual(['big.csv']);
    expect(await leftovers(db.client, db.location.database)).toEqual([]);
  });

  it('leaves every destination unchanged when any step fails', { timeout: 60_000 }, async () => {
    const before = await snapshot();
    const stepCount = (await compileMixed()).steps.length;
    for (let index = 0; index < stepCount; index += 1) {
      for (const variant of ['replaced', 'followed'] as const) {
        const plan = await compileMixed();
        const step = plan.steps[index];
        if (!step) throw new Error('No step.');
        const broken = failing(step, `broken-${String(index)}`);
        plan.steps.splice(index, variant === 'replaced' ? 1 : 0, broken);
        if (variant === 'followed') [plan.steps[index], plan.steps[index + 1]] = [step, broken];
        const outcome = await run(plan);
        const where = `${variant} step ${String(index)} (${step.id})`;
        expect(outcome.state, where).toBe('failed');
        expect(outcome.error, where).toMatch(/sluice_no_such_table/);
        expect(outcome.cleanupErrors, where).toBeUndefined();
        expect(await snapshot(), where).toEqual(before);
        expect(await leftovers(db.client, db.location.database), where).toEqual([]);
      }
    }
  });

  it('cancels after the swap and still puts every table back', { timeout: 30_000 }, async () => {
    const before = await snapshot();
    const plan = await compileMixed();
    const swapAt = plan.steps.findIndex((s) => s.phase === 'swap');
    const sleeper: PlanStep = {
      id: 'sleep',
      phase: 'commit',
      sql: 'SELECT SLEEP(30) AS sluice_cancel_run',
      inTransaction: true,
    };
    plan.steps.splice(swapAt + 1, 0, sleeper);
    const controller = new AbortController();
    const outcome = run(plan, controller.signal);
    await untilRunning(db.client, 'sluice_cancel_run');
    controller.abort();
    expect(await outcome).toEqual({ state: 'cancelled' });
    expect(await snapshot()).toEqual(before);
    expect(await leftovers(db.client, db.location.database)).toEqual([]);
  });
});
