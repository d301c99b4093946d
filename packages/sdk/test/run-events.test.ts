import { describe, expect, it } from 'vitest';

import type { RunDetail, RunStageDetail } from '../src';
import { runEvents } from '../src/client/run-events';

const stage = (stageId: string, state: RunStageDetail['state'], rows?: number): RunStageDetail => ({
  stageId,
  label: stageId,
  type: 'filter',
  state,
  ...(rows === undefined ? {} : { rows }),
});

const run = (state: RunDetail['state'], stages: RunStageDetail[]): RunDetail => ({
  id: 'run-1',
  flowId: 'flow-1',
  flowVersion: 1,
  state,
  createdAt: '2026-12-01T00:00:00.000Z',
  stages,
});

const summary = (before: RunDetail | undefined, after: RunDetail) =>
  runEvents(before, after).map((e) =>
    e.kind === 'stage' ? `${e.stageId}:${e.stage.state}:${e.stage.rows ?? '-'}` : `run:${e.state}`,
  );

describe('run events', () => {
  it('gives every stage and the run state from the first snapshot', () => {
    const first = run('queued', [stage('a', 'pending'), stage('b', 'pending')]);
    expect(summary(undefined, first)).toEqual(['a:pending:-', 'b:pending:-', 'run:queued']);
  });

  it('gives only what changed between two snapshots, stages before the run', () => {
    const before = run('running', [stage('a', 'running'), stage('b', 'pending')]);
    const counted = run('running', [stage('a', 'running', 10), stage('b', 'pending')]);
    expect(summary(before, counted)).toEqual(['a:running:10']);
    const ended = run('succeeded', [stage('a', 'succeeded', 10), stage('b', 'succeeded', 4)]);
    expect(summary(counted, ended)).toEqual(['a:succeeded:10', 'b:succeeded:4', 'run:succeeded']);
    expect(summary(ended, ended)).toEqual([]);
  });
});
