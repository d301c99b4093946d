import type { RunState } from '@sluice/server';

/** Run shapes as the server reports them (`run.byId`, `run.events`); only the types cross over. */
export type { RunDetail, RunStageDetail, RunState, StageRunState } from '@sluice/server';

const TERMINAL: ReadonlySet<RunState> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
]);

/** True once a run can change no more. */
export function isTerminal(state: RunState): boolean {
  return TERMINAL.has(state);
}
