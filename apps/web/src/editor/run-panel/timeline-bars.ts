import type { RunDetail, StageRunState } from '../store/run-types';

/** One stage's bar on the run timeline, as fractions of the run's span. */
export interface TimelineBar {
  stageId: string;
  label: string;
  state: StageRunState;
  /** Where the bar starts and how wide it is, both 0–1 of the span. */
  start: number;
  width: number;
  durationMs: number;
}

/**
 * The bars of a run's timeline: one per stage that started, from its start to its end (or
 * `now` while it runs, the run's end when it ended without saying), over the run's span.
 */
export function timelineBars(run: RunDetail, now: number): { bars: TimelineBar[]; spanMs: number } {
  const times = run.live?.times ?? {};
  const starts = Object.values(times).map((t) => new Date(t.startedAt).getTime());
  const origin = run.startedAt ? new Date(run.startedAt).getTime() : Math.min(...starts);
  const runEnd = run.finishedAt ? new Date(run.finishedAt).getTime() : now;
  const endOf = (id: string) => {
    const finished = times[id]?.finishedAt;
    return finished ? new Date(finished).getTime() : runEnd;
  };
  const spanMs = Math.max(
    1,
    runEnd - origin,
    ...Object.keys(times).map((id) => endOf(id) - origin),
  );
  const bars = run.stages.flatMap((stage) => {
    const time = times[stage.stageId];
    if (!time) return [];
    const from = new Date(time.startedAt).getTime() - origin;
    const durationMs = Math.max(0, endOf(stage.stageId) - origin - from);
    return [
      {
        stageId: stage.stageId,
        label: stage.label,
        state: stage.state,
        start: Math.max(0, from / spanMs),
        width: durationMs / spanMs,
        durationMs,
      },
    ];
  });
  return { bars, spanMs };
}
