import { describe, expect, it } from 'vitest';

import type { RunDetail } from '../store/run-types';
import { timelineBars } from './timeline-bars';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ms)).toISOString();
const stage = (stageId: string, state: RunDetail['stages'][number]['state']) => ({
  stageId,
  label: stageId,
  type: 't',
  state,
});

const run: RunDetail = {
  id: 'r',
  flowId: 'f',
  flowVersion: 1,
  state: 'running',
  createdAt: at(0),
  startedAt: at(0),
  stages: [stage('src', 'succeeded'), stage('dest', 'running'), stage('later', 'pending')],
  live: {
    statements: [],
    progress: {},
    times: { src: { startedAt: at(0), finishedAt: at(1000) }, dest: { startedAt: at(1000) } },
  },
};

describe('timelineBars', () => {
  it('draws each started stage from its start to its end, a running one up to now', () => {
    const { bars, spanMs } = timelineBars(run, new Date(at(4000)).getTime());
    expect(spanMs).toBe(4000);
    expect(bars.map((b) => [b.stageId, b.start, b.width, b.durationMs])).toEqual([
      ['src', 0, 0.25, 1000],
      ['dest', 0.25, 0.75, 3000],
    ]);
  });

  it('draws no bar for a run followed by no one', () => {
    const { live: _live, ...stored } = run;
    expect(timelineBars(stored, Date.now()).bars).toEqual([]);
  });
});
