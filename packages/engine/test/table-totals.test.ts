import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { RunEvent } from '../src/run-events';
import type { Target } from '../src/target';
import type { BothTargets } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';

/**
 * A table destination reports the rows it wrote and the table's total after the run, so three
 * appends of the same file show the table growing instead of the same count three times.
 */
const ORDERS = 'id,amount\n1,5\n2,15\n3,25\n';

function appendFlow(mode = 'append'): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: 'orders.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'amount', type: 'DOUBLE' },
        ],
      }),
      stage('dest', 'table-destination', { table: 'totals', mode }),
    ],
    links: [link('src', 'dest')],
  };
}

let root: string;
let both: BothTargets;

beforeAll(async () => {
  both = await openBothTargets('totals');
  root = both.root;
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'orders.csv'), ORDERS);
}, 30_000);

afterAll(() => both.close());

async function appendOnce(
  target: Target,
  runTag: string,
  mode = 'append',
): Promise<RunEvent | undefined> {
  const existingTables = await target.existingTables([{ name: 'totals' }]);
  const flow = appendFlow(mode);
  const plan = compileFor(flow, { target: target.profile, runTag, root, existingTables });
  const events: RunEvent[] = [];
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, { onEvent: (e) => events.push(e) });
    expect(outcome.state).toBe('succeeded');
  } finally {
    await client.close();
  }
  return events.find((e) => e.stageId === 'dest' && e.state === 'succeeded');
}

describe.each(TARGET_NAMES)('table totals on %s', (name) => {
  it('reports rows written and the table total after each of three appends', async () => {
    const target = both.target(name);
    const reports = [];
    for (const tag of ['t1', 't2', 't3']) reports.push(await appendOnce(target, tag));
    expect(reports.map((e) => [e?.rows, e?.tableRows])).toEqual([
      [3, 3],
      [3, 6],
      [3, 9],
    ]);
  });

  it('reports the total of an overwrite as the rows it wrote, counting nothing again', async () => {
    const target = both.target(name);
    await appendOnce(target, 'before');
    const existingTables = await target.existingTables([{ name: 'totals' }]);
    const plan = compileFor(appendFlow('overwrite'), {
      target: target.profile,
      runTag: 'over',
      root,
      existingTables,
    });
    expect(plan.tableTotals).toEqual([{ stageId: 'dest' }]);
    expect(await appendOnce(target, 'over', 'overwrite')).toMatchObject({ rows: 3, tableRows: 3 });
  });
});

describe('a table total that cannot be counted', () => {
  it('leaves the total out and says why, and the run still succeeds', async () => {
    const target = both.target('DuckDB');
    const plan = compileFor(appendFlow(), {
      target: target.profile,
      runTag: 'nocount',
      root,
      existingTables: await target.existingTables([{ name: 'totals' }]),
    });
    // The database refuses the count: it names a table that is not there.
    const refused = {
      ...plan,
      tableTotals: [{ stageId: 'dest', sql: 'SELECT count(*) FROM gone' }],
    };
    const events: RunEvent[] = [];
    const client = await target.connect();
    try {
      const outcome = await runPlan(client, refused, { onEvent: (e) => events.push(e) });
      expect(outcome.state).toBe('succeeded');
      expect(outcome.warnings).toEqual([
        expect.stringMatching(
          /^The total rows of stage dest's table could not be counted: .*gone/s,
        ),
      ]);
    } finally {
      await client.close();
    }
    const done = events.find((e) => e.stageId === 'dest' && e.state === 'succeeded');
    expect(done?.rows).toBe(3);
    expect(done).not.toHaveProperty('tableRows');
  });
});
