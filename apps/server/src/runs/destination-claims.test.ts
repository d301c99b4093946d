import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Plan } from '@sluice/compiler';
import type { Target } from '@sluice/engine';
import { openTarget } from '@sluice/engine';

import { ConflictError } from '../errors';
import { DestinationClaims } from './destination-claims';

let target: Target;
beforeAll(async () => {
  target = await openTarget({ kind: 'duckdb', path: ':memory:' }, { allowedDirectories: [] });
});
afterAll(async () => {
  await target.close();
});

function planWriting(
  destinations: Plan['destinations'],
  exportPath?: string,
  externalStage = 'exports',
): Plan {
  const file = {
    ref: { externalStage, path: exportPath ?? '' },
    mode: 'write' as const,
  };
  const steps: Plan['steps'] = exportPath
    ? [{ id: 'export:x', phase: 'export', sql: '', inTransaction: false, files: [file] }]
    : [];
  return { dialect: 'mysql', runTag: 'r1', steps, cleanup: [], staging: [], destinations };
}

const stages = [{ name: 'exports', url: 'file:///srv/exports/' }];

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('DestinationClaims', () => {
  it('holds a table under its default schema too, and frees it on release', async () => {
    const claims = new DestinationClaims(target, 'sales');
    const plan = planWriting([{ name: 'orders' }]);
    const { release } = await claims.claim(plan, { runId: 'a', flowName: 'A' }, stages);
    const same = planWriting([{ schema: 'Sales', name: 'ORDERS' }]);
    const refused = await refusal(claims.claim(same, { runId: 'b', flowName: 'B' }, stages));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toContain(
      'The table "Sales.ORDERS" is being written by a run of flow "A" (run a).',
    );
    const other = planWriting([{ schema: 'archive', name: 'orders' }]);
    await (await claims.claim(other, { runId: 'c', flowName: 'C' }, stages)).release();
    await release();
    await (await claims.claim(same, { runId: 'b', flowName: 'B' }, stages)).release();
  });

  it('holds export files by external stage and path, claiming nothing when refused', async () => {
    const claims = new DestinationClaims(target, 'main');
    await claims.claim(planWriting([], 'paid.csv'), { runId: 'a', flowName: 'A' }, stages);
    const both = planWriting([{ name: 't' }], 'paid.csv');
    expect(await refusal(claims.claim(both, { runId: 'b', flowName: 'B' }, stages))).toMatchObject({
      message: expect.stringContaining(
        'The file "paid.csv" of external stage "exports" is being written',
      ) as unknown,
    });
    // The refused run claimed nothing, so its table is free.
    await (
      await claims.claim(planWriting([{ name: 't' }]), { runId: 'c', flowName: 'C' }, stages)
    ).release();
  });

  it('holds a file named through a sub-stage and through its parent as one (MatrixOne)', async () => {
    // Plans for MatrixOne carry no local path: the chain of sub-stages tells the file.
    const chain = [...stages, { name: 'sub', url: 'stage://exports/sub/' }];
    const claims = new DestinationClaims(target, 'main');
    await claims.claim(planWriting([], 'sub/out.csv'), { runId: 'a', flowName: 'A' }, chain);
    expect(
      await refusal(
        claims.claim(planWriting([], 'out.csv', 'sub'), { runId: 'b', flowName: 'B' }, chain),
      ),
    ).toMatchObject({
      message: expect.stringContaining(
        'The file "out.csv" of external stage "sub" is being written by a run of flow "A"',
      ) as unknown,
    });
  });
});
