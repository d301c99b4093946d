import type { Dialect, PlanStep } from '@sluice/compiler';

/** One statement a dialect returns for an op, before the compiler gives it an id. */
type DialectStep = ReturnType<Dialect['exportFile']>[number];

/** A dialect's steps as plan steps with ids, for running one piece of a plan in a test. */
export function asPlanSteps(steps: readonly DialectStep[], id: string): PlanStep[] {
  return steps.map(({ kind, ...step }, index) => ({
    ...step,
    id: `${id}-${kind}-${String(index)}`,
  }));
}
