import { describe, expect, it } from 'vitest';

import { DONE_PORT } from '@sluice/flow';

import { PEEK_ROWS, peekStage } from './peek.stage';

describe('peek stage', () => {
  it('is a destination that keeps the first 100 rows of its input and outputs no rows, only the done port executors follow', () => {
    expect(peekStage.category).toBe('destination');
    expect(peekStage.ports).toEqual({ inputs: ['in'], outputs: [DONE_PORT] });
    expect(PEEK_ROWS).toBe(100);
    const ctx = { stageId: 'p', config: {}, inputs: { in: [{ name: 'id' }] } };
    expect(peekStage.outputColumns(ctx)).toEqual([]);
    expect(peekStage.compile(ctx)).toEqual({
      op: 'peek',
      input: { op: 'input', port: 'in' },
      rows: 100,
    });
  });

  it('has nothing to set, so any saved config parses to none', () => {
    expect(peekStage.config.parse({})).toEqual({});
  });
});
