import type { CellValue } from './result-table';

/** The state of one stage during a run; `cancelled` is the stage a cancel stopped. */
export type StageState = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/** A change of one stage's state, as the run panel shows it. `at` is an ISO timestamp. */
export interface RunEvent {
  kind: 'stage';
  stageId: string;
  state: StageState;
  rows?: number;
  /** A table destination's total rows after the run's write (what an append grew it to). */
  tableRows?: number;
  durationMs?: number;
  /** The SQL the stage ran, its statements separated by `;` and a newline. */
  sql?: string;
  error?: string;
  at: string;
}

/**
 * The first rows that arrived at a peek, reported once the run has succeeded (a failed run
 * reports none, since what it read does not stand).
 */
export interface PeekRows {
  kind: 'peek';
  stageId: string;
  /** In select order, with the target's name for each column's type. */
  columns: { name: string; type: string }[];
  rows: CellValue[][];
  /** True when more rows arrived than are kept. */
  more: boolean;
  at: string;
}

/** How a run ended. */
export interface RunOutcome {
  state: 'succeeded' | 'failed' | 'cancelled';
  error?: string;
  failedStageId?: string;
  /** What the run could not tell but that does not change its result (a total not counted). */
  warnings?: string[];
  /** Cleanup steps that failed; the run's own result stands, these only need tidying. */
  cleanupErrors?: string[];
}

/**
 * One plan step's SQL as it finished: how long it took and, when it failed, the database's
 * message. `stageId` is absent for steps no stage owns (prepare, cleanup).
 */
export interface StatementEvent {
  kind: 'statement';
  stepId: string;
  stageId?: string;
  sql: string;
  durationMs: number;
  error?: string;
  at: string;
}

/**
 * How far a load has read its file. Where Sluice streams the file it carries the bytes read and
 * the file's size; where the database reads the file itself neither is known (indeterminate).
 */
export interface ProgressEvent {
  kind: 'progress';
  stageId: string;
  bytesRead?: number;
  totalBytes?: number;
  at: string;
}
