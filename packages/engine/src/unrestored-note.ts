import type { Plan } from '@sluice/compiler';

/**
 * What a person needs when an undo statement failed: the destinations may be changed, and the
 * run kept every table it made (an overwritten table's original rows are in its `…_old` copy),
 * named so they can be renamed back by hand.
 */
export function unrestoredNote(plan: Plan, undoErrors: readonly string[]): string {
  const destinations = plan.destinations
    .map((t) => (t.schema === undefined ? t.name : `${t.schema}.${t.name}`))
    .join(', ');
  return (
    `Sluice could not restore the destinations (${destinations}) after the run stopped ` +
    `(${undoErrors.join('; ')}), so it ran no cleanup: the original tables and the staging ` +
    `tables were left in place for recovery, beside each destination: ${plan.staging.join(', ')}.`
  );
}
