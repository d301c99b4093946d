import { getStage } from '@sluice/stages';

import type { RunDetail } from '../store/run-types';
import { formatCount } from '../../lib/format';
import { runElapsed } from './run-elapsed';

const STARTED_BY = { editor: 'editor', api: 'API', rerun: 're-run' } as const;

/** Rows the run's destination stages wrote, to tables and files alike. */
export function rowsWritten(run: RunDetail): number {
  return run.stages
    .filter((stage) => getStage(stage.type)?.category === 'destination')
    .reduce((sum, stage) => sum + (stage.rows ?? 0), 0);
}

/**
 * A past run in one line for the history: its version, how long it took, the rows it wrote and
 * who started it, e.g. "version 3 · 1.2 s · 1,000 rows · re-run".
 */
export function runFacts(run: RunDetail, now = Date.now()): string {
  const elapsed = runElapsed(run, now);
  const written = rowsWritten(run);
  return [
    `version ${run.flowVersion}`,
    elapsed,
    `${formatCount(written)} ${written === 1 ? 'row' : 'rows'}`,
    run.startedBy && `by ${STARTED_BY[run.startedBy]}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The parameter values a run ran with, e.g. "month = 2026-11, since = 2026-10-20"; empty without. */
export function runParameters(run: RunDetail): string {
  return Object.entries(run.parameters ?? {})
    .map(([name, value]) => `${name} = ${String(value)}`)
    .join(', ');
}
