import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Plan, PlanStep } from '@sluice/compiler';
import type { FlowDocument, Stage } from '@sluice/flow';

import type { RunEvent, RunOutcome } from '../src/run-events';
import type { Target } from '../src/target';
import type { BothTargets, TargetName } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';
import { inRunDatabase, rowsOf } from './run-database';

/**
 * Executors on real targets: a clone copies the table a run wrote once the run committed; a SQL
 * statement inside the run's transaction is undone with the run when a later step fails, one
 * after the commit does not run at all then, and one that fails itself fails the run on its
 * stage while the run's writes stay.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'amount', type: 'DOUBLE' },
];

/** Orders appended into `orders`, then `executors` each linked after the one before. */
function flowWith(...executors: Stage[]): FlowDocument {
  const order = ['dest', ...executors.map((s) => s.id)];
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: 'orders.csv',
        columns: COLUMNS,
      }),
      stage('dest', 'table-destination', { table: 'orders', mode: 'append' }),
      ...executors,
    ],
    links: [
      link('src', 'dest'),
      ...executors.map((s, i) => ({
        id: `after-${s.id}`,
        source: { stageId: order[i] ?? '', port: 'done' },
        target: { stageId: s.id, port: 'after' },
      })),
    ],
  };
}

let both: BothTargets;
let runs = 0;

beforeAll(async () => {
  both = await openBothTargets('executors');
  await mkdir(join(both.root, 'landing'));
  await writeFile(join(both.root, 'landing', 'orders.csv'), 'id,amount\n1,5\n2,15\n');
}, 30_000);

afterAll(() => both.close());

async function reset(target: Target): Promise<void> {
  await inRunDatabase(target, async (client) => {
    for (const table of ['orders', 'orders_copy', 'notes']) {
      await client.run(`DROP TABLE IF EXISTS ${table}`);
    }
    await client.run('CREATE TABLE orders (id BIGINT PRIMARY KEY, amount DOUBLE)');
    await client.run('CREATE TABLE notes (note VARCHAR(40))');
  });
}

async function compileRun(target: Target, doc: FlowDocument): Promise<Plan> {
  runs += 1;
  const existingTables = await target.existingTables([{ name: 'orders' }]);
  return compileFor(doc, {
    target: target.profile,
    runTag: `x${String(runs)}`,
    root: both.root,
    existingTables,
    tableDefinitions: await target.describeTables(existingTables),
  });
}

async function run(
  target: Target,
  plan: Plan,
): Promise<{ outcome: RunOutcome; events: RunEvent[] }> {
  const events: RunEvent[] = [];
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, { onEvent: (e) => events.push(e) });
    return { outcome, events };
  } finally {
    await client.close();
  }
}

/** The plan with a step failing right after `afterId`, in the same transaction as it. */
function failingAfter(plan: Plan, afterId: string): Plan {
  const steps = [...plan.steps];
  const at = steps.findIndex((s) => s.id === afterId);
  const like = steps[at];
  if (!like) throw new Error(`No step ${afterId}.`);
  const failing: PlanStep = {
    id: 'fail',
    phase: like.phase,
    sql: 'SELECT * FROM sluice_no_such_table',
    inTransaction: like.inTransaction,
  };
  steps.splice(at + 1, 0, failing);
  return { ...plan, steps };
}

const finalState = (events: readonly RunEvent[], stageId: string) =>
  events.filter((e) => e.stageId === stageId).at(-1)?.state;

const statement = (runs: string) =>
  stage('note', 'sql-statement', { sql: "INSERT INTO notes VALUES ('loaded')", runs });

describe.each(TARGET_NAMES)('on %s', (name: TargetName) => {
  const target = () => both.target(name);

  it('clones the table the run wrote, after the commit', async () => {
    await reset(target());
    const clone = stage('copy', 'clone', { source: 'orders', target: 'orders_copy' });
    const plan = await compileRun(target(), flowWith(clone));
    expect(
      plan.steps.filter((s) => s.stageId === 'copy').every((s) => s.phase === 'after-commit'),
    ).toBe(true);
    const { outcome, events } = await run(target(), plan);
    expect(outcome).toEqual({ state: 'succeeded' });
    expect(finalState(events, 'copy')).toBe('succeeded');
    expect(await rowsOf(target(), 'orders_copy')).toEqual(['[1,5]', '[2,15]']);
    // MySQL and MariaDB copy the definition too; DuckDB's CREATE TABLE AS copies columns and rows.
    const [copy] = await target().describeTables([{ name: 'orders_copy' }]);
    expect(copy?.uniqueKeys).toEqual(name === 'MariaDB' ? [['id']] : []);
  });

  it('undoes a statement inside the transaction when a later step fails', async () => {
    await reset(target());
    const plan = await compileRun(target(), flowWith(statement('inside')));
    const { outcome, events } = await run(target(), failingAfter(plan, 'statement:note'));
    expect(outcome.state).toBe('failed');
    expect(finalState(events, 'note')).not.toBe('failed');
    expect(await rowsOf(target(), 'notes')).toEqual([]);
    expect(await rowsOf(target(), 'orders')).toEqual([]);
  });

  it('does not run a statement after the commit when the run fails before it', async () => {
    await reset(target());
    const plan = await compileRun(target(), flowWith(statement('after-commit')));
    const { outcome, events } = await run(target(), failingAfter(plan, 'write:dest'));
    expect(outcome.state).toBe('failed');
    expect(finalState(events, 'note')).toBe('skipped');
    expect(await rowsOf(target(), 'notes')).toEqual([]);
  });

  it('fails the run on a statement after the commit that fails, keeping the writes', async () => {
    await reset(target());
    const broken = stage('note', 'sql-statement', {
      sql: "INSERT INTO no_such_notes VALUES ('x')",
      runs: 'after-commit',
    });
    const later = stage('copy', 'clone', { source: 'orders', target: 'orders_copy' });
    const { outcome, events } = await run(
      target(),
      await compileRun(target(), flowWith(broken, later)),
    );
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'note' });
    expect(outcome.error).toContain(
      'It ran after the run committed: what the run wrote stays (table orders).',
    );
    expect(finalState(events, 'dest')).toBe('succeeded');
    expect(finalState(events, 'note')).toBe('failed');
    expect(finalState(events, 'copy')).toBe('skipped');
    expect(await rowsOf(target(), 'orders')).toEqual(['[1,5]', '[2,15]']);
  });
});
