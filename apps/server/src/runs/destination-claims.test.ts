import { describe, expect, it } from 'vitest';

import type { Plan } from '@sluice/compiler';

import { ConflictError } from '../errors';
import { DestinationClaims } from './destination-claims';

function planWriting(destinations: Plan['destinations'], exportPath?: string): Plan {
  const file = {
    ref: { externalStage: 'exports', path: exportPath ?? '' },
    mode: 'write' as const,
  };
  const steps: Plan['steps'] = exportPath
    ? [{ id: 'export:x', phase: 'export', sql: '', inTransaction: false, files: [file] }]
    : [];
  return { dialect: 'mysql', runTag: 'r1', steps, cleanup: [], staging: [], destinations };
}

describe('DestinationClaims', () => {
  it('holds a table under its default schema too, and frees it on release', () => {
    const claims = new DestinationClaims('sales');
    const release = claims.claim(planWriting([{ name: 'orders' }]), { runId: 'a', flowName: 'A' });
    const same = planWriting([{ schema: 'Sales', name: 'ORDERS' }]);
    expect(() => claims.claim(same, { runId: 'b', flowName: 'B' })).toThrow(ConflictError);
    expect(() => claims.claim(same, { runId: 'b', flowName: 'B' })).toThrow(
      'The table "Sales.ORDERS" is being written by a run of flow "A" (run a).',
    );
    const other = planWriting([{ schema: 'archive', name: 'orders' }]);
    expect(() => claims.claim(other, { runId: 'c', flowName: 'C' })).not.toThrow();
    release();
    expect(() => claims.claim(same, { runId: 'b', flowName: 'B' })).not.toThrow();
  });

  it('holds export files by external stage and path, claiming nothing when refused', () => {
    const claims = new DestinationClaims('main');
    claims.claim(planWriting([], 'paid.csv'), { runId: 'a', flowName: 'A' });
    const both = planWriting([{ name: 't' }], 'paid.csv');
    expect(() => claims.claim(both, { runId: 'b', flowName: 'B' })).toThrow(
      'The file "paid.csv" of external stage "exports" is being written',
    );
    // The refused run claimed nothing, so its table is free.
    expect(() =>
      claims.claim(planWriting([{ name: 't' }]), { runId: 'c', flowName: 'C' }),
    ).not.toThrow();
  });
});
