import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { PlanStep } from '@sluice/compiler';

import type { DuckDbClient } from './duckdb/duckdb-client';
import type { RunEvent } from './run-events';
import { filterStep, literal, loadStep, planOf, states } from '../test/plans';
import { DuckDbDatabase } from './duckdb/duckdb-client';
import { runPlan } from './run-plan';

const TAG = 'r1a2b3';

let dir: string;
let database: DuckDbDatabase;
let client: DuckDbClient;
let csv: string;
let events: RunEvent[];
const onEvent = (event: RunEvent) => events.push(event);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-run-'));
  database = await DuckDbDatabase.open(join(dir, 'run.duckdb'), { allowedDirectories: [] });
  client = await database.connect();
  csv = join(dir, 'input.csv');
  await writeFile(csv, 'id,amount\n1,5\n2,15\n3,25\n');
  await client.run('CREATE TABLE dest (id INTEGER, amount DOUBLE)');
  await client.run('INSERT INTO dest VALUES (100, 1), (101, 2)');
  events = [];
});

afterEach(async () => {
  database.close();
  await rm(dir, { recursive: true, force: true });
});

/** The files in the test folder other than the database's own. */
const filesBesideDatabase = async () =>
  (await readdir(dir)).filter((name) => !name.startsWith('run.duckdb')).sort();
const destRows = () => client.query('SELECT id, amount FROM dest ORDER BY id');
const stagingLeft = () =>
  client.query(
    `SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE '%${TAG}%'
     UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%${TAG}%'`,
  );

const appendStep: PlanStep = {
  id: 'write',
  phase: 'write',
  inTransaction: true,
  stageId: 'dest',
  sql: `INSERT INTO dest SELECT * FROM stg_${TAG}_filter`,
  rowsFrom: 'changes',
};

const failingStep: PlanStep = {
  id: 'broken',
  phase: 'write',
  inTransaction: true,
  stageId: 'broken',
  sql: 'INSERT INTO dest SELECT * FROM no_such_table',
};

describe('runPlan', () => {
  it('runs stages in order and reports rows, duration and SQL', async () => {
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), appendStep]);
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome).toEqual({ state: 'succeeded' });
    expect(states(events)).toEqual([
      'load:pending',
      'filter:pending',
      'dest:pending',
      'load:running',
      'load:succeeded',
      'filter:running',
      'filter:succeeded',
      'dest:running',
      'dest:succeeded',
    ]);
    const done = events.filter((e) => e.state === 'succeeded');
    expect(done.map((e) => e.rows)).toEqual([3, 2, 2]);
    expect(done[2]?.sql).toBe(appendStep.sql);
    expect(done.every((e) => typeof e.durationMs === 'number' && e.durationMs >= 0)).toBe(true);
    expect(await destRows()).toEqual([
      { id: 2, amount: 15 },
      { id: 3, amount: 25 },
      { id: 100, amount: 1 },
      { id: 101, amount: 2 },
    ]);
    expect(await stagingLeft()).toEqual([]);
  });

  it('leaves an appended destination unchanged when a later step fails', async () => {
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), appendStep, failingStep]);
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'broken' });
    expect(outcome.error).toMatch(/Table with name no_such_table does not exist/);
    expect(events.at(-1)).toMatchObject({
      stageId: 'broken',
      state: 'failed',
      sql: failingStep.sql,
    });
    expect(await destRows()).toEqual([
      { id: 100, amount: 1 },
      { id: 101, amount: 2 },
    ]);
    expect(await stagingLeft()).toEqual([]);
  });

  it('leaves an overwritten destination unchanged when a later step fails', async () => {
    const overwrite: PlanStep = {
      id: 'overwrite',
      phase: 'write',
      inTransaction: true,
      stageId: 'dest',
      sql: `CREATE OR REPLACE TABLE dest AS SELECT * FROM stg_${TAG}_filter`,
      rowCountSql: 'SELECT count(*) FROM dest',
      rowsFrom: 'count',
    };
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), overwrite, failingStep]);
    expect(await runPlan(client, plan, { onEvent })).toMatchObject({ state: 'failed' });
    expect(await destRows()).toEqual([
      { id: 100, amount: 1 },
      { id: 101, amount: 2 },
    ]);
    expect(await stagingLeft()).toEqual([]);
  });

  it('fails a malformed CSV with the line number and skips the stages after it', async () => {
    await writeFile(csv, 'id,amount\n1,5\n2,oops\n3,25\n');
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), appendStep]);
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'load' });
    expect(outcome.error).toMatch(/CSV Error on Line: 3/);
    expect(outcome.error).not.toMatch(/sample_size/);
    expect(states(events).slice(3)).toEqual([
      'load:running',
      'load:failed',
      'filter:skipped',
      'dest:skipped',
    ]);
    expect(await stagingLeft()).toEqual([]);
  });

  it('refuses to start when an input file is missing, naming the external stage', async () => {
    await rm(csv);
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), appendStep]);
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'load' });
    expect(outcome.error).toBe(
      "stage://landing/input.csv does not exist. Check the file name against the external stage's files on the External stages page, or change the path.",
    );
    expect(states(events).slice(3)).toEqual(['load:failed', 'filter:skipped', 'dest:skipped']);
  });

  it('cancels a long statement, rolls back and still runs cleanup', async () => {
    const slow: PlanStep = {
      id: 'slow',
      phase: 'transform',
      inTransaction: true,
      stageId: 'slow',
      sql: `CREATE TABLE stg_${TAG}_slow AS SELECT count(*) AS n FROM range(1000000000) a, range(1000000) b`,
    };
    const plan = planOf(TAG, [loadStep(TAG, csv), slow, appendStep]);
    plan.cleanup.push({
      id: 'drop-slow',
      phase: 'cleanup',
      sql: `DROP TABLE IF EXISTS stg_${TAG}_slow`,
      inTransaction: false,
    });
    const controller = new AbortController();
    const started = Date.now();
    const running = runPlan(client, plan, {
      signal: controller.signal,
      onEvent: (event) => {
        onEvent(event);
        if (event.stageId === 'slow' && event.state === 'running') {
          setTimeout(() => controller.abort(), 200);
        }
      },
    });
    expect(await running).toEqual({ state: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(states(events).slice(-2)).toEqual(['slow:cancelled', 'dest:skipped']);
    expect(await stagingLeft()).toEqual([]);
    expect(await destRows()).toHaveLength(2);
  });

  it('reports cleanup failures without hiding the run error', async () => {
    const plan = planOf(TAG, [loadStep(TAG, csv), failingStep]);
    plan.cleanup.unshift({
      id: 'bad-cleanup',
      phase: 'cleanup',
      sql: 'DROP TABLE not_there',
      inTransaction: false,
    });
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome.error).toMatch(/no_such_table/);
    expect(outcome.cleanupErrors).toHaveLength(1);
    expect(outcome.cleanupErrors?.[0]).toMatch(/^bad-cleanup: Catalog Error/);
    expect(await stagingLeft()).toEqual([]);
  });
});

describe('runPlan transaction groups and undo', () => {
  const logStep = (id: string, inTransaction: boolean, undo?: string[]): PlanStep => ({
    id,
    phase: 'write',
    sql: `INSERT INTO log VALUES ('${id}')`,
    inTransaction,
    ...(undo ? { undo: undo.map((v) => `INSERT INTO log VALUES ('${v}')`) } : {}),
  });
  const log = async () =>
    (await client.query<{ v: string }>('SELECT v FROM log ORDER BY rowid')).map((r) => r.v);

  it('keeps autocommitted steps, rolls back the transaction, then undoes newest first', async () => {
    await client.run('CREATE TABLE log (v VARCHAR)');
    const steps = [
      logStep('s1', false, ['undo s1']),
      logStep('s2', false, ['undo s2 a', 'undo s2 b']),
      logStep('s3', true),
      { ...failingStep, inTransaction: true },
    ];
    const outcome = await runPlan(client, planOf(TAG, steps), { onEvent });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'broken' });
    expect(await log()).toEqual(['s1', 's2', 'undo s2 a', 'undo s2 b', 'undo s1']);
  });

  it('still cleans up when only an export removal failed to undo, saying what to delete', async () => {
    await client.run('CREATE TABLE log (v VARCHAR)');
    const written: PlanStep = {
      ...logStep('written', false),
      phase: 'export',
      undo: ['SELECT no_such_remove()'],
    };
    const plan = planOf(TAG, [
      loadStep(TAG, csv),
      written,
      { ...failingStep, inTransaction: true },
    ]);
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome.error).toContain(
      'Sluice could not remove an export this run had already written (undo written: ',
    );
    expect(outcome.error).toContain('delete that file by hand before running again.');
    expect(await stagingLeft()).toEqual([]);
  });

  it('runs no undo when every step succeeds', async () => {
    await client.run('CREATE TABLE log (v VARCHAR)');
    const steps = [logStep('s1', false, ['undo s1']), logStep('s2', true)];
    expect(await runPlan(client, planOf(TAG, steps), { onEvent })).toEqual({ state: 'succeeded' });
    expect(await log()).toEqual(['s1', 's2']);
  });
});

describe('runPlan exports', () => {
  const exportStep = (local: string, temp: string): PlanStep => ({
    id: 'export',
    phase: 'export',
    inTransaction: true,
    stageId: 'export',
    sql: `COPY (SELECT * FROM stg_${TAG}_filter ORDER BY id) TO ${literal(temp)} (FORMAT csv, HEADER)`,
    rowsFrom: 'changes',
    files: [{ ref: { externalStage: 'out', path: 'result.csv' }, mode: 'write', local, temp }],
  });

  it('writes to the temporary name and renames it after commit', async () => {
    const local = join(dir, 'result.csv');
    const temp = join(dir, `.result.csv.${TAG}.tmp`);
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), exportStep(local, temp)]);
    expect(await runPlan(client, plan, { onEvent })).toEqual({ state: 'succeeded' });
    expect(await readFile(local, 'utf8')).toBe('id,amount\n2,15.0\n3,25.0\n');
    await expect(stat(temp)).rejects.toThrow(/ENOENT/);
    expect(events.at(-1)).toMatchObject({ stageId: 'export', state: 'succeeded', rows: 2 });
  });

  it('fails the export stage when the rename fails, and removes the temporary file', async () => {
    const local = join(dir, 'missing-folder', 'result.csv');
    const temp = join(dir, `.result.csv.${TAG}.tmp`);
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), exportStep(local, temp)]);
    const outcome = await runPlan(client, plan, { onEvent });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'export' });
    expect(outcome.error).toContain('could not be moved to stage://out/result.csv');
    await expect(stat(temp)).rejects.toThrow(/ENOENT/);
  });

  it('replaces an earlier export and deletes the copy it kept once the run succeeds', async () => {
    const local = join(dir, 'result.csv');
    await writeFile(local, 'earlier\n');
    const temp = join(dir, `.result.csv.${TAG}.tmp`);
    const plan = planOf(TAG, [loadStep(TAG, csv), filterStep(TAG), exportStep(local, temp)]);
    expect(await runPlan(client, plan, { onEvent })).toEqual({ state: 'succeeded' });
    expect(await readFile(local, 'utf8')).toBe('id,amount\n2,15.0\n3,25.0\n');
    expect(await filesBesideDatabase()).toEqual(['input.csv', 'result.csv']);
  });

  it('puts an earlier export back and removes a new one when a later export cannot move', async () => {
    const replaced = join(dir, 'result.csv');
    await writeFile(replaced, 'earlier\n');
    const created = join(dir, 'created.csv');
    const unmovable = join(dir, 'missing-folder', 'last.csv');
    const steps = [
      loadStep(TAG, csv),
      filterStep(TAG),
      { ...exportStep(replaced, `${replaced}.a.tmp`), id: 'e1', stageId: 'e1' },
      { ...exportStep(created, `${created}.b.tmp`), id: 'e2', stageId: 'e2' },
      { ...exportStep(unmovable, join(dir, 'last.csv.c.tmp')), id: 'e3', stageId: 'e3' },
    ];
    const outcome = await runPlan(client, planOf(TAG, steps), { onEvent });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'e3' });
    expect(outcome.cleanupErrors).toBeUndefined();
    expect(await readFile(replaced, 'utf8')).toBe('earlier\n');
    expect(await filesBesideDatabase()).toEqual(['input.csv', 'result.csv']);
  });

  it('removes the temporary file when a later step fails', async () => {
    const local = join(dir, 'result.csv');
    const temp = join(dir, `.result.csv.${TAG}.tmp`);
    const steps = [loadStep(TAG, csv), filterStep(TAG), exportStep(local, temp), failingStep];
    expect(await runPlan(client, planOf(TAG, steps), { onEvent })).toMatchObject({
      state: 'failed',
    });
    await expect(stat(temp)).rejects.toThrow(/ENOENT/);
    await expect(stat(local)).rejects.toThrow(/ENOENT/);
  });
});
