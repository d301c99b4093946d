import type { PlanStep } from '@sluice/compiler';

import type { StepFailure } from './run-errors';
import type { SqlClient } from './sql-client';
import { databaseErrorText } from './database-error-text';

/** A database error's first line: its kind and message, without the statement it quotes. */
function headline(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

/**
 * After a statement that computed inlined stages failed (and its transaction rolled back):
 * binds each inlined stage's zero-row probe, upstream first, and blames the first one that
 * fails with the statement's own error, so a condition the database refuses fails its filter,
 * not the destination whose statement ran it. A probe failing otherwise (it reads staging the
 * rollback removed) blames nothing; the failure stays the step's.
 */
export async function blameInlined(
  client: SqlClient,
  failure: StepFailure,
  steps: readonly PlanStep[],
): Promise<void> {
  // Every statement of the failed step's stage reads the same inlined query (a destination's
  // create and its write alike), though only the one reporting rows lists the inlined stages.
  const probed = steps
    .filter((step) => step.stageId !== undefined && step.stageId === failure.step.stageId)
    .flatMap((step) => step.inlined ?? [])
    .filter((stage) => stage.probe !== undefined);
  const wanted = headline(failure.message);
  for (const stage of probed.reverse()) {
    const probe = stage.probe ?? '';
    const error = await client.run(probe).then(
      () => undefined,
      (reason: unknown) => databaseErrorText(reason),
    );
    if (error !== undefined && headline(error) === wanted) {
      failure.blame(stage.stageId);
      return;
    }
  }
}
