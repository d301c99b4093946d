import type { StageRunStatus } from '../store/run.slice';

/** A stage's duration: ticking up to `now` while it runs, as the engine measured it after. */
export function stageDurationMs(
  status: Pick<StageRunStatus, 'state' | 'durationMs' | 'startedAt'>,
  now: number,
): number | undefined {
  if (status.state === 'running' && status.startedAt !== undefined) {
    return Math.max(0, now - new Date(status.startedAt).getTime());
  }
  return status.durationMs;
}

/** A load's progress in percent, or `undefined` where the database reads the file itself. */
export function loadPercent(progress: StageRunStatus['progress']): number | undefined {
  if (progress?.bytesRead === undefined || !progress.totalBytes) return undefined;
  return Math.min(100, (100 * progress.bytesRead) / progress.totalBytes);
}
