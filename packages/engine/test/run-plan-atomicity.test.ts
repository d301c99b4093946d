import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Plan, PlanStep } from '@sluice/compiler';
import type { FlowDocument } from '@sluice/flow';
import type { TableRef } from '@sluice/stages';

import type { RunEvent } from '../src/run-events';
import type { SqlClient } from '../src/sql-client';
import type { RunClient, Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';
import { leftovers, tableContents } from './mariadb-checks';
import { untilRunning } from './server-process';

/**
 * One flow writing every kind of destination on MariaDB: an append to an existing table, an
 * overwrite of an existing table, a new table, an overwrite of a table in a second database, an
 * overwrite whose shadow names are too long for MySQL and get shortened, and a CSV and a JSON
 * lines export (the CSV replacing an earlier file). Failing the run at each step in turn must
 * leave all of them as they were.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'amount', type: 'DOUBLE' },
];
/** A stage id long enough that `__sluice_<tag>_<id>_new` passes 64 characters. */
const LONG_STAGE = `long_${'x'.repeat(55)}`;
/** A table name of exactly 64 characters, MySQL's longest. */
const LONG_TABLE = `destination_${'y'.repeat(52)}`;
const OTHER = { database: '' };

function mixedFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: 'orders.csv',
        columns: COLUMNS,
      }),
      stage('big', 'filter', { condition: 'amount > 10' }),
      stage('append', 'table-destination', { table: 'appended', mode: 'append' }),
      stage('over', 'table-destination', { table: 'overwritten', mode: 'overwrite' }),
      stage('fresh', 'table-destination', { table: 'created', mode: 'overwrite' }),
      stage('remote', 'table-destination', {
        schema: OTHER.database,
        table: 'remote',
        mode: 'overwrite',
      }),
      stage(LONG_STAGE, 'table-destination', { table: LONG_TABLE, mode: 'overwrite' }),
      stage('out', 'file-export', { externalStage: 'exports', path: 'big.csv' }),
      stage('out2', 'file-export', {
        externalStage: 'exports',
        path: 'all.jsonl',
        format: 'jsonl',
      }),
    ],
    links: ['append', 'over', 'fresh', 'remote', LONG_STAGE, 'out', 'out2'].reduce(
      (links, to) => [...links, link('big', to)],
      [link('src', 'big')],
    ),
  };
}

const destinations = (): TableRef[] => [
  { name: 'appended' },
  { name: 'overwritten' },
  { name: 'created' },
  { schema: OTHER.database, name: 'remote' },
  { name: LONG_TABLE },
];
const PREVIOUS_EXPORT = 'id,amount\n0,0\n';

let root: string;
let db: TestDatabase;
let target: Target;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-atomic-')));
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'orders.csv'), 'id,amount\n1,5\n2,15\n3,25\n');
  db = await createTestDatabase('sluice_atomic');
  OTHER.database = `${db.location.database}_other`;
  await db.client.run('CREATE DATABASE ?? CHARACTER SET utf8mb4', [OTHER.database]);
  target = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
}, 30_000);

afterAll(async () => {
  await target.close();
  await db.client.run('DROP DATABASE IF EXISTS ??', [OTHER.database]);
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  await rm(join(root, 'exports'), { recursive: true, force: true });
  await mkdir(join(root, 'exports'));
  await writeFile(join(root, 'exports', 'big.csv'), PREVIOUS_EXPORT);
  for (const table of ['appended', 'overwritten', 'created', LONG_TABLE]) {
    await db.client.run('DROP TABLE IF EXISTS ??', [table]);
  }
  await db.client.run('DROP TABLE IF EXISTS ??.remote', [OTHER.database]);
  await db.client.run('CREATE TABLE appended (id BIGINT, amount DOUBLE) ENGINE = InnoDB');
  await db.client.run('INSERT INTO appended VALUES (100, 1), (101, 2)');
  await db.client.run('CREATE TABLE overwritten (id BIGINT, amount DOUBLE, note TEXT)');
  await db.client.run("INSERT INTO overwritten VALUES (200, 3, 'kept')");
  await db.client.run('CREATE TABLE ??.remote (id BIGINT, label TEXT)', [OTHER.database]);
  await db.client.run("INSERT INTO ??.remote VALUES (300, 'remote kept')", [OTHER.database]);
  await db.client.run('CREATE TABLE ?? (id BIGINT)', [LONG_TABLE]);
  await db.client.run('INSERT INTO ?? VALUES (400)', [LONG_TABLE]);
});

let runs = 0;
async function compileMixed(): Promise<Plan> {
  runs += 1;
  const existingTables = await target.existingTables(destinations());
  expect(existingTables.map((t) => t.name)).toEqual([
    'appended',
    'overwritten',
    'remote',
    LONG_TABLE,
  ]);
  return compileFor(mixedFlow(), {
    target: target.profile,
    runTag: `a${String(runs)}`,
    root,
    existingTables,
  });
}

async function snapshot() {
  const tables = await Promise.all(
    destinations().map(async (table) => {
      const exists = (await target.existingTables([table])).length > 0;
      return exists ? await tableContents(db.client, table) : 'missing';
    }),
  );
  const folder = join(root, 'exports');
  const names = (await readdir(folder).catch(() => [])).sort();
  const exports = await Promise.all(
    names.map(async (name) => `${name}: ${await readFile(join(folder, name), 'utf8')}`),
  );
  return { tables, exports };
}

/** Staging, shadow, old and trash tables left in either database. */
const allLeftovers = async () => [
  ...(await leftovers(db.client, db.location.database)),
  ...(await leftovers(db.client, OTHER.database)),
];

interface RunOptions {
  signal?: AbortSignal;
  onEvent?: (e: RunEvent) => void;
  /** Methods standing in for the real connection's, to act at an exact point of the run. */
  hooks?: (real: RunClient) => Partial<RunClient>;
}

/** The real connection, with `hooks` answering the methods they name. */
function hooked(real: RunClient, hooks: Partial<RunClient>): RunClient {
  return new Proxy(real, {
    get(client, property) {
      const value: unknown = Reflect.get(hooks, property) ?? Reflect.get(client, property, client);
      // Bound to the real client, whose methods reach its private connection through `this`.
      return typeof value === 'function' ? (value as () => unknown).bind(client) : value;
    },
  });
}

async function run(plan: Plan, { hooks, ...options }: RunOptions) {
  const client = await target.connect();
  try {
    const runClient = hooks ? hooked(client, hooks(client)) : client;
    return await runPlan(runClient, plan, { onEvent: () => undefined, ...options });
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

const NEW_ROWS = ['{"id":2,"amount":15}', '{"id":3,"amount":25}'];

async function expectAllApplied(): Promise<void> {
  expect(await tableContents(db.client, { name: 'appended' })).toEqual([
    '{"id":100,"amount":1}',
    '{"id":101,"amount":2}',
    ...NEW_ROWS,
  ]);
  for (const table of destinations().slice(1)) {
    expect(await tableContents(db.client, table), table.name).toEqual(NEW_ROWS);
  }
  expect((await snapshot()).exports).toEqual([
    'all.jsonl: {"id":2,"amount":15.0}\n{"id":3,"amount":25.0}\n',
    'big.csv: id,amount\n2,15.0\n3,25.0\n',
  ]);
  expect(await allLeftovers()).toEqual([]);
}

describe('a mixed plan on MariaDB', () => {
  it('appends, overwrites, creates and exports when nothing fails', async () => {
    const plan = await compileMixed();
    expect(plan.steps.some((s) => s.phase === 'swap' && s.undo !== undefined)).toBe(true);
    const long = plan.staging.filter((name) => name.startsWith(`__sluice_${plan.runTag}_long_`));
    expect(long).toHaveLength(3);
    expect(long.every((name) => name.length === 64)).toBe(true);
    expect(await run(plan, {})).toEqual({ state: 'succeeded' });
    await expectAllApplied();
  });

  it('leaves every destination unchanged when any step fails', { timeout: 120_000 }, async () => {
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
        const outcome = await run(plan, {});
        const where = `${variant} step ${String(index)} (${step.id})`;
        expect(outcome.state, where).toBe('failed');
        expect(outcome.error, where).toMatch(/sluice_no_such_table/);
        expect(outcome.cleanupErrors, where).toBeUndefined();
        expect(await snapshot(), where).toEqual(before);
        expect(await allLeftovers(), where).toEqual([]);
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
    const outcome = run(plan, { signal: controller.signal });
    await untilRunning(db.client, 'sluice_cancel_run');
    controller.abort();
    expect(await outcome).toEqual({ state: 'cancelled' });
    expect(await snapshot()).toEqual(before);
    expect(await allLeftovers()).toEqual([]);
  });

  it('cancels at the last step before COMMIT and puts everything back', async () => {
    const before = await snapshot();
    const plan = await compileMixed();
    expect(plan.steps.at(-1)).toMatchObject({ stageId: 'append', inTransaction: true });
    expect(plan.steps.filter((s) => s.stageId === 'append')).toHaveLength(1);
    const controller = new AbortController();
    const outcome = await run(plan, {
      signal: controller.signal,
      onEvent: (event) => {
        // The append's one step has begun: it runs, and the cancel is seen before COMMIT.
        if (event.stageId === 'append' && event.state === 'running') controller.abort();
      },
    });
    expect(outcome).toEqual({ state: 'cancelled' });
    expect(await snapshot()).toEqual(before);
    expect(await allLeftovers()).toEqual([]);
  });

  it('ignores a cancel that comes right after COMMIT and reports the run succeeded', async () => {
    const plan = await compileMixed();
    const controller = new AbortController();
    const outcome = await run(plan, {
      signal: controller.signal,
      hooks: (real) => ({
        transaction: async <T>(fn: (tx: SqlClient) => Promise<T>) => {
          const result = await real.transaction(fn);
          controller.abort();
          return result;
        },
      }),
    });
    expect(controller.signal.aborted).toBe(true);
    expect(outcome).toEqual({ state: 'succeeded' });
    await expectAllApplied();
  });

  it('sends no KILL QUERY for a cancel that comes while the swap is undone', async () => {
    const before = await snapshot();
    const plan = await compileMixed();
    const swap = plan.steps.find((s) => s.phase === 'swap');
    plan.steps.push(failing({ id: 'x', phase: 'commit', sql: '', inTransaction: true }, 'broken'));
    const controller = new AbortController();
    let kills = 0;
    const outcome = await run(plan, {
      signal: controller.signal,
      hooks: (real) => ({
        run: (sql, params) => {
          if (sql === swap?.undo?.[0]) controller.abort();
          return real.run(sql, params);
        },
        cancel: () => {
          kills += 1;
          return real.cancel();
        },
      }),
    });
    expect(controller.signal.aborted).toBe(true);
    expect(kills).toBe(0);
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toMatch(/sluice_no_such_table/);
    expect(await snapshot()).toEqual(before);
    expect(await allLeftovers()).toEqual([]);
  });

  it('puts every table and export file back when an export cannot be moved into place', async () => {
    const before = await snapshot();
    const plan = await compileMixed();
    const exports = plan.steps.flatMap((s) => (s.files ?? []).filter((f) => f.mode === 'write'));
    // The CSV replacing an earlier file moves in first; the JSON lines file then fails.
    expect(exports.map((f) => f.ref.path)).toEqual(['big.csv', 'all.jsonl']);
    const vanishing = exports[1]?.temp ?? '';
    const states = new Map<string, string>();
    const outcome = await run(plan, {
      onEvent: (event) => {
        states.set(event.stageId, event.state);
        // The appends run last, after both exports were written: take the second one away.
        if (event.stageId === 'append' && event.state === 'running') rmSync(vanishing);
      },
    });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'out2' });
    // The append's rows were rolled back with the rest, so it never showed as succeeded.
    expect(states.get('append')).toBe('skipped');
    expect(outcome.error).toBe(
      'The export was written to stage://exports/all.jsonl.sluice-a' +
        `${String(runs)}-out2.tmp but could not be moved to stage://exports/all.jsonl: ` +
        'the file is no longer there.',
    );
    expect(outcome.cleanupErrors).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    expect(await allLeftovers()).toEqual([]);
  });

  it('runs no cleanup when an undo fails and names the tables it kept', async () => {
    const plan = await compileMixed();
    const trash = plan.staging.find((name) => name === `__sluice_${plan.runTag}_over_trash`);
    const old = `__sluice_${plan.runTag}_over_old`;
    expect(plan.staging).toContain(old);
    const swapAt = plan.steps.findIndex((s) => s.phase === 'swap');
    // A table already holding the trash name makes the reverse RENAME fail.
    const blocker: PlanStep = {
      id: 'block-undo',
      phase: 'swap',
      sql: `CREATE TABLE \`${trash ?? ''}\` (id INT)`,
      inTransaction: false,
    };
    plan.steps.splice(swapAt + 1, 0, blocker);
    plan.steps.push(failing({ id: 'x', phase: 'commit', sql: '', inTransaction: true }, 'broken'));
    try {
      const outcome = await run(plan, {});
      expect(outcome.state).toBe('failed');
      expect(outcome.error).toMatch(/^Table '.*sluice_no_such_table' doesn't exist/);
      expect(outcome.error).toContain('Sluice could not restore the destinations');
      expect(outcome.error).toContain('the original tables and the staging tables were left');
      for (const name of plan.staging) expect(outcome.error).toContain(name);
      expect(outcome.cleanupErrors?.[0]).toMatch(/^undo .*already exists/);
      expect(outcome.cleanupErrors).toContain(
        outcome.error?.slice(outcome.error.indexOf('Sluice could not')),
      );
      expect(await tableContents(db.client, { name: old })).toEqual([
        '{"id":200,"amount":3,"note":"kept"}',
      ]);
      expect(await allLeftovers()).toEqual(
        expect.arrayContaining([old, `__sluice_${plan.runTag}_src`]),
      );
    } finally {
      for (const step of plan.cleanup) await db.client.run(step.sql);
    }
  });

  it('fails the export stage, not the whole process, when its folder cannot be made', async () => {
    await rm(join(root, 'exports'), { recursive: true });
    await writeFile(join(root, 'exports'), 'a file where the folder should be');
    const plan = await compileMixed();
    const events: RunEvent[] = [];
    const outcome = await run(plan, { onEvent: (event) => events.push(event) });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'out' });
    expect(outcome.error).toMatch(
      /^stage:\/\/exports\/big\.csv cannot be reached: a file stands where a folder of its path should be\./,
    );
    const last = new Map(events.map((e) => [e.stageId, e.state]));
    expect([...last.values()].filter((state) => state === 'pending')).toEqual([]);
    expect(last.get('out')).toBe('failed');
    await rm(join(root, 'exports'));
  });
});
