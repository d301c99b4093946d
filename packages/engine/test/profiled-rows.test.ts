import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { RunEvent } from '../src/run-events';
import type { Target } from '../src/target';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { compileFor, link, stage } from './flows';

/**
 * On DuckDB a file source read once is read inside the statement that writes, whose own count
 * is the written rows: the file's rows come from DuckDB's profile of that same statement, so the
 * run panel shows them without the file being read again.
 */
let root: string;
let target: Target;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-profiled-')));
  await mkdir(join(root, 'landing'));
  target = await openTarget({ kind: 'duckdb', path: ':memory:' }, { allowedDirectories: [root] });
});

afterAll(async () => {
  await target.close();
  await rm(root, { recursive: true, force: true });
});

function perCountry(file: string): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: file,
        columns: [
          { name: 'country', type: 'VARCHAR' },
          { name: 'amount', type: 'DOUBLE' },
        ],
      }),
      stage('big', 'filter', { condition: 'amount > 10' }),
      stage('sum', 'aggregate', {
        groupBy: ['country'],
        aggregates: [{ fn: 'count', as: 'orders' }],
      }),
      stage('dest', 'table-destination', { table: 'per_country', mode: 'overwrite' }),
    ],
    links: [link('src', 'big'), link('big', 'sum'), link('sum', 'dest')],
  };
}

async function run(file: string) {
  const plan = compileFor(perCountry(file), {
    target: target.profile,
    runTag: 'prof',
    root,
    existingTables: await target.existingTables([{ name: 'per_country' }]),
  });
  const events: RunEvent[] = [];
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, { onEvent: (e) => events.push(e) });
    return { plan, outcome, events };
  } finally {
    await client.close();
  }
}

describe('rows of a file source inlined into a write, on DuckDB', () => {
  it("come from the statement's profile; the statement's own count stays the written rows", async () => {
    await writeFile(
      join(root, 'landing', 'orders.csv'),
      'country,amount\nDE,5\nDE,20\nFR,30\nFR,40\nUS,50\n',
    );
    const { plan, outcome, events } = await run('orders.csv');
    expect(outcome).toEqual({ state: 'succeeded' });
    // One statement reads the file, filters, groups and writes.
    expect(plan.steps.filter((s) => s.sql.includes('read_csv'))).toHaveLength(1);
    const done = new Map(
      events.filter((e) => e.state === 'succeeded').map((e) => [e.stageId, e.rows]),
    );
    expect(Object.fromEntries(done)).toEqual({ src: 5, big: undefined, sum: 3, dest: 3 });
  });

  it('fail on the source with DuckDB’s own words when the file is bad', async () => {
    await writeFile(join(root, 'landing', 'bad.csv'), 'country,amount\nDE,5\nFR,"open\n');
    const { outcome } = await run('bad.csv');
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'src' });
    expect(outcome.error).toContain('CSV Error on Line: 3');
  });
});
