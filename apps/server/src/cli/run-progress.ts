/** The lines `sluice run` prints as a run goes: one per stage change, then how it ended. */
import type { RunDetail, RunStageDetail } from '../runs/run-types';

function stageLine(stage: RunStageDetail): string {
  const name = `${stage.label} (${stage.type})`;
  if (stage.state === 'failed') return `  ${name}: failed: ${stage.error ?? 'no reason given'}`;
  if (stage.state !== 'succeeded') return `  ${name}: ${stage.state}`;
  const rows = stage.rows === undefined ? '' : `, ${stage.rows} rows`;
  const time = stage.durationMs === undefined ? '' : ` in ${stage.durationMs} ms`;
  return `  ${name}: succeeded${rows}${time}`;
}

/**
 * Follows a run's snapshots and returns, for each, the lines of what changed since the last
 * one: a stage that started, ended or was skipped. Pending stages print nothing.
 */
export function progressPrinter(): (detail: RunDetail) => string[] {
  const printed = new Map<string, string>();
  return (detail) =>
    detail.stages.flatMap((stage) => {
      if (stage.state === 'pending' || printed.get(stage.stageId) === stage.state) return [];
      printed.set(stage.stageId, stage.state);
      return [stageLine(stage)];
    });
}

/** The last line: the run's state, its time and, for a failed run, why. */
export function endingLine(detail: RunDetail): string {
  const started = detail.startedAt ?? detail.createdAt;
  const seconds =
    detail.finishedAt === undefined
      ? ''
      : ` in ${((Date.parse(detail.finishedAt) - Date.parse(started)) / 1000).toFixed(1)} s`;
  const why = detail.error === undefined ? '' : `: ${detail.error}`;
  return `Run ${detail.id} ${detail.state}${seconds}${why}`;
}
