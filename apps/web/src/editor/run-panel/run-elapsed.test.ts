import { describe, expect, it } from 'vitest';

import type { RunDetail } from '../store/run-types';
import { runElapsed } from './run-elapsed';

const run: RunDetail = {
  id: 'r1',
  flowId: 'f1',
  flowVersion: 1,
  state: 'running',
  createdAt: '2026-01-01T10:00:00.000Z',
  startedAt: '2026-01-01T10:00:00.000Z',
  stages: [],
};
const at = (iso: string) => new Date(iso).getTime();

describe('runElapsed', () => {
  it('grows with the clock while the run runs', () => {
    expect(runElapsed(run, at('2026-01-01T10:00:01.500Z'))).toBe('1.5 s');
    expect(runElapsed(run, at('2026-01-01T10:00:04.000Z'))).toBe('4.0 s');
  });

  it('stops at the end of a finished run, and is absent before it starts', () => {
    const ended = { ...run, state: 'succeeded' as const, finishedAt: '2026-01-01T10:00:02.000Z' };
    expect(runElapsed(ended, at('2026-01-01T11:00:00.000Z'))).toBe('2.0 s');
    const { startedAt: _, ...queued } = run;
    expect(runElapsed({ ...queued, state: 'queued' }, Date.now())).toBeUndefined();
  });
});
