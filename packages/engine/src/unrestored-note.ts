import type { Plan } from '@sluice/compiler';

/**
 * What a person needs when an undo statement failed. A failed swap back (MySQL) may leave the
 * destinations changed, so the run kept every table it made (an overwritten table's original
 * rows are in its `…_old` copy), named so they can be renamed back by hand. Otherwise the undo
 * was MatrixOne's removal of an export already written, which is left to delete by hand.
 */
export function unrestoredNote(
  plan: Plan,
  undone: { errors: readonly string[]; swapFailed: boolean },
): string {
  const why = undone.errors.join('; ');
  if (!undone.swapFailed) {
    return `Sluice could not remove an export this run had already written (${why}); delete that file by hand before running again.`;
  }
  const destinations = plan.destinations
    .map((t) => (t.schema === undefined ? t.name : `${t.schema}.${t.name}`))
    .join(', ');
  return (
    `Sluice could not restore the destinations (${destinations}) after the run stopped ` +
    `(${why}), so it ran no cleanup: the original tables and the staging ` +
    `tables were left in place for recovery, beside each destination: ${plan.staging.join(', ')}.`
  );
}
