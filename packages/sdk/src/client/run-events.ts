import type { RunDetail, RunStageDetail } from '@sluice/server';

/** A stage of a run changed: it started, ended, or counted rows. */
export interface StageEvent {
  kind: 'stage';
  stageId: string;
  stage: RunStageDetail;
  run: RunDetail;
}

/** The run itself changed state: queued, running, then how it ended. */
export interface RunStateEvent {
  kind: 'run';
  state: RunDetail['state'];
  run: RunDetail;
}

export type RunEvent = StageEvent | RunStateEvent;

const changed = (before: RunStageDetail | undefined, after: RunStageDetail) =>
  before?.state !== after.state || before.rows !== after.rows || before.error !== after.error;

/**
 * The events between two snapshots of a run: a stage event for each stage whose state, rows or
 * error changed, then a run event when the run's state did. The first snapshot (no `before`)
 * gives every stage and the run's state as they are.
 */
export function runEvents(before: RunDetail | undefined, after: RunDetail): RunEvent[] {
  const previous = new Map(before?.stages.map((s) => [s.stageId, s]));
  const stages: RunEvent[] = after.stages
    .filter((stage) => changed(previous.get(stage.stageId), stage))
    .map((stage) => ({ kind: 'stage', stageId: stage.stageId, stage, run: after }));
  const run: RunEvent[] =
    before?.state === after.state ? [] : [{ kind: 'run', state: after.state, run: after }];
  return [...stages, ...run];
}
