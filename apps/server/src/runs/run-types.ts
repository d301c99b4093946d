/** The run record shapes shared by the runs repository, the run manager and the run router. */
import type { StageState, StatementEvent } from '@sluice/engine';
import type { ParameterValue } from '@sluice/flow';

export const RUN_STATES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type RunState = (typeof RUN_STATES)[number];

/** Who started a run: the editor's Run button, an API client, or a re-run of a past run. */
export const RUN_STARTERS = ['editor', 'api', 'rerun'] as const;
export type RunStarter = (typeof RUN_STARTERS)[number];

/** A stage's state in a run, as the engine reports it. */
export type StageRunState = StageState;

/** True once a run can change no more. */
export function isTerminal(state: RunState): boolean {
  return state !== 'queued' && state !== 'running';
}

export interface RunStageDetail {
  stageId: string;
  label: string;
  type: string;
  state: StageRunState;
  rows?: number;
  /** A table destination's total rows after the run (what an append grew it to). */
  tableRows?: number;
  durationMs?: number;
  sql?: string;
  error?: string;
  /** Set on a peek that kept the rows it read (`run.peekRows` gives them). */
  peeked?: true;
}

/** One plan statement of a run as it finished, its SQL masked; `error` when it failed. */
export type RunStatement = Omit<StatementEvent, 'kind'>;

/**
 * What a run being watched shows beyond its stored stages: statements with their times, each
 * load's progress (bytes of the file size where Sluice streams it, none where the database
 * reads the file) and each stage's start and end for the timeline.
 */
export interface RunLive {
  statements: RunStatement[];
  progress: Record<string, { bytesRead?: number; totalBytes?: number }>;
  times: Record<string, { startedAt: string; finishedAt?: string }>;
}

export interface RunDetail {
  id: string;
  flowId: string;
  flowVersion: number;
  state: RunState;
  /** Unknown for runs recorded before Sluice kept it. */
  startedBy?: RunStarter;
  /** The value of each of the flow's parameters in this run; absent when it declared none. */
  parameters?: Record<string, ParameterValue>;
  error?: string;
  failedStageId?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  stages: RunStageDetail[];
  /** Present while this server follows the run and shortly after it ends. */
  live?: RunLive;
}

/** What a finished run ends with. */
export interface RunEnding {
  state: Exclude<RunState, 'queued' | 'running'>;
  error?: string;
  failedStageId?: string;
}
