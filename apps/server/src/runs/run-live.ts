import type { ProgressEvent, RunEvent, StatementEvent } from '@sluice/engine';

import type { RunLive } from './run-types';

/** How many ended runs keep their live view, so a watcher arriving just after the end sees it. */
const KEPT_ENDED = 20;

function emptyLive(): RunLive {
  return { statements: [], progress: {}, times: {} };
}

/**
 * What a run shows while it runs beyond its stored stages: each statement with its time, each
 * load's progress and when each stage started and ended (the timeline). Kept in memory only,
 * for the runs of this process; the stored run keeps each stage's SQL, rows and duration.
 */
export class LiveRuns {
  private readonly runs = new Map<string, RunLive>();

  private of(runId: string): RunLive {
    const live = this.runs.get(runId) ?? emptyLive();
    this.runs.set(runId, live);
    return live;
  }

  get(runId: string): RunLive | undefined {
    return this.runs.get(runId);
  }

  /** Notes when a stage started and ended, from the `at` of its state changes. */
  stage(runId: string, event: RunEvent): void {
    const { times } = this.of(runId);
    if (event.state === 'running') times[event.stageId] = { startedAt: event.at };
    else if (event.state !== 'pending') {
      const started = times[event.stageId];
      if (started) times[event.stageId] = { ...started, finishedAt: event.at };
    }
  }

  statement(runId: string, event: StatementEvent): void {
    const { kind: _kind, ...statement } = event;
    this.of(runId).statements.push(statement);
  }

  progress(runId: string, event: ProgressEvent): void {
    const { stageId, bytesRead, totalBytes } = event;
    this.of(runId).progress[stageId] =
      bytesRead === undefined || totalBytes === undefined ? {} : { bytesRead, totalBytes };
  }

  /** The run has ended: its view is kept among the newest ended ones, the oldest dropped. */
  ended(runId: string): void {
    const live = this.runs.get(runId);
    if (!live) return;
    // Re-inserting moves the run to the end, so the map's first keys are the oldest ended.
    this.runs.delete(runId);
    this.runs.set(runId, live);
    const extra = this.runs.size - KEPT_ENDED;
    for (const id of [...this.runs.keys()].slice(0, Math.max(0, extra))) this.runs.delete(id);
  }
}
