import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { RunEvent } from '../src/run-events';
import type { Target } from '../src/target';
import type { BothTargets } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { chainFlow, chainRows } from './chain-flow';
import { compileFor } from './flows';
import { inRunDatabase } from './run-database';

/**
 * A chain of 500 processors (filters and derives by turns) on real DuckDB and MariaDB: it
 * compiles, runs, and writes the rows the filters keep with every derive applied, as the same
 * rows written without the chain show; the destination reports the rows it wrote.
 */
const PROCESSORS = 500;
const ROWS = 2000;

let both: BothTargets;

beforeAll(async () => {
  both = await openBothTargets('stages');
}, 30_000);

afterAll(() => both.close());

async function runFlow(target: Target, doc: FlowDocument, tag: string): Promise<RunEvent[]> {
  const plan = compileFor(doc, {
    target: target.profile,
    runTag: tag,
    root: both.root,
    existingTables: [],
  });
  const events: RunEvent[] = [];
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, { onEvent: (event) => events.push(event) });
    expect(outcome).toEqual({ state: 'succeeded' });
  } finally {
    await client.close();
  }
  return events;
}

describe.each(TARGET_NAMES)(`a chain of ${String(PROCESSORS)} processors on %s`, (name) => {
  it('writes the rows its filters keep, each derived once per derive', async () => {
    const target = both.target(name);
    const plain = `plain_${name.toLowerCase()}`;
    const chained = `chained_${name.toLowerCase()}`;
    await runFlow(target, chainFlow(0, { rows: ROWS, table: plain }), 'plain');
    const events = await runFlow(
      target,
      chainFlow(PROCESSORS, { rows: ROWS, table: chained }),
      'chained',
    );

    const kept = chainRows(PROCESSORS, ROWS);
    const written = events.find((e) => e.stageId === 'dest' && e.state === 'succeeded');
    expect(written?.rows).toBe(kept);
    const [counted] = await inRunDatabase(target, (client) =>
      client.query<{ n: number; derived: number }>(
        `SELECT count(*) AS n, sum(CASE WHEN c.amount = p.amount + ${String(PROCESSORS / 2)} ` +
          `THEN 1 ELSE 0 END) AS derived FROM ${chained} AS c JOIN ${plain} AS p ON c.id = p.id`,
      ),
    );
    expect(Number(counted?.n)).toBe(kept);
    expect(Number(counted?.derived)).toBe(kept);
  }, 60_000);
});
