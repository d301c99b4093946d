import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { RunEvent, RunOutcome } from '../src/run-events';
import type { Target } from '../src/target';
import type { BothTargets, TargetName } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';

/**
 * A filter read once runs inside its destination's statement. When its condition is what the
 * database refuses, the run still fails the filter, with the database's error, and skips the
 * destination, whether the destination table exists (kept definition) or not.
 */
let both: BothTargets;
let runs = 0;

beforeAll(async () => {
  both = await openBothTargets('inlined');
  await mkdir(join(both.root, 'landing'));
  await writeFile(join(both.root, 'landing', 'orders.csv'), 'id,amount\n1,10\n2,20\n');
}, 30_000);

afterAll(() => both.close());

function filterFlow(condition: string): FlowDocument {
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
      stage('f', 'filter', { condition }),
      stage('dest', 'table-destination', { table: 'inlined_kept', mode: 'overwrite', keys: [] }),
    ],
    links: [link('src', 'f'), link('f', 'dest')],
  };
}

async function run(target: Target, doc: FlowDocument) {
  runs += 1;
  const existingTables = await target.existingTables([{ name: 'inlined_kept' }]);
  const plan = compileFor(doc, {
    target: target.profile,
    runTag: `i${String(runs)}`,
    root: both.root,
    existingTables,
    tableDefinitions: await target.describeTables(existingTables),
  });
  const states = new Map<string, string>();
  const client = await target.connect();
  try {
    const onEvent = (event: RunEvent) => {
      states.set(event.stageId, event.state);
    };
    const outcome: RunOutcome = await runPlan(client, plan, { onEvent });
    return { outcome, states };
  } finally {
    await client.close();
  }
}

describe.each(TARGET_NAMES)(
  'a refused condition inlined into a write on %s',
  (name: TargetName) => {
    const target = () => both.target(name);

    it('fails the filter, not the destination, before and after the table exists', async () => {
      for (const round of ['new table', 'existing table']) {
        const { outcome, states } = await run(target(), filterFlow('no_such_function(amount) > 1'));
        expect(outcome, round).toMatchObject({ state: 'failed', failedStageId: 'f' });
        expect(outcome.error, round).toMatch(/no_such_function/i);
        expect(states.get('f'), round).toBe('failed');
        expect(states.get('dest'), round).toBe('skipped');
        expect((await run(target(), filterFlow('amount > 1'))).outcome.state, round).toBe(
          'succeeded',
        );
      }
    });
  },
);
