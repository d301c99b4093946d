import type { Plan, PlanFile, PlanStep } from '@sluice/compiler';
import { stageUri } from '@sluice/compiler';

/** Steps that run once the run's writes have committed (executors such as clone, snapshot). */
export const isAfterCommit = (step: PlanStep): boolean => step.phase === 'after-commit';

/**
 * What a run that failed after its commit keeps, for its error: the tables it wrote and the
 * files it exported stand, since nothing after the commit undoes them.
 */
export function committedNote(plan: Plan): string {
  const tables = plan.destinations.map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name));
  const files = plan.steps
    .filter((step) => !isAfterCommit(step))
    .flatMap((step) => step.files ?? [])
    .filter((file: PlanFile) => file.mode === 'write')
    .map((file) => stageUri(file.ref));
  const written = [
    ...(tables.length > 0 ? [`table${tables.length > 1 ? 's' : ''} ${tables.join(', ')}`] : []),
    ...(files.length > 0 ? [`file${files.length > 1 ? 's' : ''} ${files.join(', ')}`] : []),
  ];
  return written.length === 0
    ? 'It ran after the run committed; the stages before it succeeded.'
    : `It ran after the run committed: what the run wrote stays (${written.join('; ')}).`;
}
