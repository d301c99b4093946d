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
