import type { Plan } from '@sluice/compiler';

import type { CancelWatch } from './cancel-watch';
import type { ExportPromotions } from './export-promotions';
import type { TempExport } from './plan-files';
import type { RunOutcome } from './run-events';
import type { SqlClient } from './sql-client';
import type { StageTracker } from './stage-tracker';
import type { TidyClient } from './tidy-client';
import { databaseErrorText } from './database-error-text';
import { ExportNotMoved, RunCancelled } from './run-errors';
import { countOf } from './run-step';

/** What the end of a run works with (a part of run-plan.ts's context). */
export interface FinishContext {
  plan: Plan;
  tracker: StageTracker;
  signal: AbortSignal | undefined;
  watch: CancelWatch;
  exports: TempExport[];
  promotions: ExportPromotions;
  /** What the run could not tell but that does not fail it (a total that was not counted). */
  warnings: string[];
}

/** How a run ended, what needs tidying by hand, and whether cleanup may drop staging. */
export interface Finished {
  outcome: RunOutcome;
  problems: string[];
  cleanup: boolean;
}

/**
 * Counts each table destination's rows after the last write: inside the final transaction on
 * DuckDB and MatrixOne (so the count is this run's result), after the swap and inside the
 * appends' transaction on MySQL. One `count(*)` per destination table that keeps rows of its
 * own (an overwrite's total is the rows it wrote): DuckDB and MatrixOne answer it from their
 * columnar metadata, InnoDB scans its smallest index (about a second per ten million rows). The
 * total only informs the run panel, so a count that fails is left out with a warning instead
 * of failing the run.
 */
async function countTables(client: SqlClient, context: FinishContext): Promise<void> {
  for (const { stageId, sql } of context.plan.tableTotals ?? []) {
    if (sql === undefined) {
      context.tracker.totalIsRows(stageId);
      continue;
    }
    try {
      const total = await countOf(client, sql);
      if (total !== undefined) context.tracker.tableTotal(stageId, total);
    } catch (error) {
      // A cancel interrupts the count like any statement: the run stops for the cancel.
      if (context.signal?.aborted) throw new RunCancelled();
      context.warnings.push(
        `The total rows of stage ${stageId}'s table could not be counted: ${databaseErrorText(error)}`,
      );
    }
  }
}

/**
 * After the last step, before the final COMMIT (or as the last act of a plan without one): moves
 * the exports into place, so a failure of any of them, or of the COMMIT, is undone with the rest,
 * then stops listening for cancel and takes a cancel that came in as the last chance to roll
 * back. Past this point the run stands: a later cancel is ignored.
 */
export async function finishSteps(client: SqlClient, context: FinishContext): Promise<void> {
  const { signal, exports, promotions } = context;
  if (signal?.aborted) throw new RunCancelled();
  await countTables(client, context);
  for (const entry of exports) {
    await promotions.promote(entry).catch((error: unknown) => {
      throw new ExportNotMoved(entry.stageId, error);
    });
  }
  await context.watch.stop();
  if (signal?.aborted) throw new RunCancelled();
}

/** Runs every cleanup step, whatever happened before; returns the errors instead of throwing. */
export async function runCleanup(
  client: SqlClient,
  plan: Pick<Plan, 'cleanup'>,
): Promise<string[]> {
  const errors: string[] = [];
  for (const step of plan.cleanup) {
    await client.run(step.sql).catch((error: unknown) => {
      errors.push(`${step.id}: ${databaseErrorText(error)}`);
    });
  }
  return errors;
}

/**
 * The last act of a run: its cleanup steps on the tidy connection (unless an undo failed),
 * then that connection closed; the outcome gains what needs tidying by hand.
 */
export async function cleanUpAfter(
  tidy: TidyClient,
  plan: Plan,
  { outcome, problems, cleanup }: Finished,
): Promise<RunOutcome> {
  try {
    const cleanupErrors = [
      ...problems,
      ...(cleanup ? await runCleanup(await tidy.get(), plan) : []),
    ];
    return cleanupErrors.length > 0 ? { ...outcome, cleanupErrors } : outcome;
  } finally {
    await tidy.close();
  }
}
