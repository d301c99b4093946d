import type { RunDetail } from '../store/run-types';
import { formatDuration } from '../../lib/format';

/** How long the run has taken: up to `now` while it runs, up to its end once it has ended. */
export function runElapsed(run: RunDetail, now: number): string | undefined {
  if (!run.startedAt) return undefined;
  const end = run.finishedAt ? new Date(run.finishedAt).getTime() : now;
  return formatDuration(Math.max(0, end - new Date(run.startedAt).getTime()));
}
