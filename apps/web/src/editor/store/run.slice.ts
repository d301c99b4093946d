import type { EditorSlice } from './editor-state';
import type { RunDetail, RunStageDetail } from './run-types';
import { isTerminal } from './run-types';

/**
 * The run status each canvas node shows, kept apart from `nodes` so run ticks stay cheap:
 * with, while the server follows the run, when the stage started and how far its load read.
 */
export type StageRunStatus = Pick<RunStageDetail, 'state' | 'rows' | 'durationMs' | 'error'> & {
  startedAt?: string;
  progress?: { bytesRead?: number; totalBytes?: number };
};

/** The run being watched (or the last one) and its per-stage status. Never undone. */
export interface RunSlice {
  /** The run whose events the panel follows. */
  runId: string | undefined;
  run: RunDetail | undefined;
  runStatus: Record<string, StageRunStatus>;
  /** True between pressing Run and the first snapshot of the new run. */
  starting: boolean;
  /** Forgets the last run as Run is pressed, so nothing stale is shown while it starts. */
  beginRun: () => void;
  /** Ends a start that failed before any run existed. */
  abortStart: () => void;
  /** Follows a run (just started, or picked from the history). */
  watchRun: (runId: string) => void;
  /** Takes a snapshot from `run.events` / `run.byId`. */
  applyRunSnapshot: (detail: RunDetail) => void;
  /**
   * Shows the flow's latest run (from `run.list`) as the editor opens, following it when it is
   * still going. Does nothing once a run is shown or starting, so it never replaces a newer one.
   */
  showLatestRun: (latest: RunDetail) => void;
  clearRun: () => void;
}

export const createRunSlice: EditorSlice<RunSlice> = (set, get) => ({
  runId: undefined,
  run: undefined,
  runStatus: {},
  starting: false,
  beginRun: () => set({ runId: undefined, run: undefined, runStatus: {}, starting: true }),
  watchRun: (runId) => set({ runId }),
  abortStart: () => set({ starting: false }),
  applyRunSnapshot: (detail) => {
    // A late event of a run the editor no longer follows must not overwrite the current one.
    if (get().runId !== undefined && get().runId !== detail.id) return;
    const runStatus: Record<string, StageRunStatus> = {};
    for (const stage of detail.stages) {
      const { state, rows, durationMs, error } = stage;
      const startedAt = detail.live?.times[stage.stageId]?.startedAt;
      const progress = detail.live?.progress[stage.stageId];
      runStatus[stage.stageId] = { state, rows, durationMs, error, startedAt, progress };
    }
    set({ run: detail, runStatus, starting: false });
  },
  showLatestRun: (latest) => {
    const { run, runId, starting } = get();
    if (run !== undefined || runId !== undefined || starting) return;
    get().applyRunSnapshot(latest);
    if (!isTerminal(latest.state)) set({ runId: latest.id });
  },
  clearRun: () => set({ runId: undefined, run: undefined, runStatus: {}, starting: false }),
});
