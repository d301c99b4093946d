import type { Plan, PlanStep } from '@sluice/compiler';

import type { DuckDbClient } from './duckdb-client';
import type { RunEvent, RunOutcome } from './run-events';
import { databaseErrorText } from './database-error-text';
import {
  discardExports,
  findMissingInput,
  prepareExportFolders,
  promoteExport,
  tempExports,
} from './plan-files';
import { StageTracker } from './stage-tracker';

/** Options of `runPlan`: `signal` cancels the run; `onEvent` receives every stage change. */
export interface RunPlanOptions {
  signal?: AbortSignal;
  onEvent: (event: RunEvent) => void;
}

/** A step that failed, carrying the database's error. */
class StepFailure extends Error {
  constructor(
    readonly step: PlanStep,
    readonly reason: unknown,
  ) {
    super(databaseErrorText(reason), { cause: reason });
  }
}

class RunCancelled extends Error {}

interface RunContext {
  plan: Plan;
  tracker: StageTracker;
  signal: AbortSignal | undefined;
}

/** Runs one step and returns the rows it produced, as its `rowsFrom` says (plan.ts). */
async function runStep(client: DuckDbClient, step: PlanStep): Promise<number | undefined> {
  const changed = await client.run(step.sql);
  const rowsFrom = step.rowsFrom ?? (step.rowCountSql === undefined ? undefined : 'count');
  if (rowsFrom === 'changes') return changed;
  if (rowsFrom === undefined || step.rowCountSql === undefined) return undefined;
  const [row] = await client.query(step.rowCountSql);
  const counted = Number(Object.values(row ?? {})[0]);
  return Number.isFinite(counted) ? counted : undefined;
}

/** Runs the steps in order; stages whose exports await renaming succeed only after commit. */
async function runSteps(client: DuckDbClient, context: RunContext): Promise<Set<string>> {
  const { plan, tracker, signal } = context;
  const awaitingRename = new Set(tempExports(plan).flatMap((e) => e.stageId ?? []));
  for (const [index, step] of plan.steps.entries()) {
    if (signal?.aborted) throw new RunCancelled();
    const { stageId } = step;
    if (stageId !== undefined) tracker.begin(stageId);
    const rows = await runStep(client, step).catch((reason: unknown) => {
      throw new StepFailure(step, reason);
    });
    if (stageId === undefined) continue;
    tracker.stepDone(stageId, step.sql, rows);
    if (tracker.isLastStep(stageId, index) && !awaitingRename.has(stageId)) {
      tracker.succeed(stageId);
    }
  }
  if (signal?.aborted) throw new RunCancelled();
  return awaitingRename;
}

function failed(tracker: StageTracker, error: string, stageId?: string): RunOutcome {
  tracker.skipOpen();
  return stageId === undefined
    ? { state: 'failed', error }
    : { state: 'failed', error, failedStageId: stageId };
}

/** After commit: moves each export into place, then reports its stage as succeeded. */
async function promoteExports(context: RunContext, stageIds: Set<string>): Promise<RunOutcome> {
  const { plan, tracker } = context;
  const exports = tempExports(plan);
  for (const stageId of stageIds) {
    try {
      for (const entry of exports.filter((e) => e.stageId === stageId)) await promoteExport(entry);
    } catch (error) {
      await discardExports(plan);
      const message = databaseErrorText(error);
      tracker.fail(stageId, message);
      return failed(tracker, message, stageId);
    }
    tracker.succeed(stageId);
  }
  return { state: 'succeeded' };
}

async function execute(client: DuckDbClient, context: RunContext): Promise<RunOutcome> {
  const { plan, tracker, signal } = context;
  if (signal?.aborted) {
    tracker.skipOpen();
    return { state: 'cancelled' };
  }
  const missing = await findMissingInput(plan);
  if (missing) {
    if (missing.stageId !== undefined) tracker.fail(missing.stageId, missing.message);
    return failed(tracker, missing.message, missing.stageId);
  }
  await prepareExportFolders(plan);
  const interrupt = () => {
    void client.cancel();
  };
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    const awaitingRename = await client.transaction((tx) => runSteps(tx, context));
    return await promoteExports(context, awaitingRename);
  } catch (error) {
    await discardExports(plan);
    if (signal?.aborted) {
      tracker.skipOpen();
      return { state: 'cancelled' };
    }
    if (!(error instanceof StepFailure)) return failed(tracker, databaseErrorText(error));
    const { stageId } = error.step;
    if (stageId !== undefined) tracker.fail(stageId, error.message, error.step.sql);
    return failed(tracker, error.message, stageId);
  } finally {
    signal?.removeEventListener('abort', interrupt);
  }
}

/** Runs every cleanup step, whatever happened before; returns the errors instead of throwing. */
async function runCleanup(client: DuckDbClient, plan: Plan): Promise<string[]> {
  const errors: string[] = [];
  for (const step of plan.cleanup) {
    await client.run(step.sql).catch((error: unknown) => {
      errors.push(`${step.id}: ${databaseErrorText(error)}`);
    });
  }
  return errors;
}

/**
 * Runs a plan on DuckDB as one transaction, so a failed or cancelled run leaves every table as
 * it was. Emits `pending` for each stage, then `running` / `succeeded` (with rows, duration and
 * SQL) or `failed` / `skipped`. Exports are renamed into place after commit; cleanup steps run
 * after success, failure and cancel alike. Give each run its own client: the run holds the
 * connection for its whole transaction.
 */
export async function runPlan(
  client: DuckDbClient,
  plan: Plan,
  options: RunPlanOptions,
): Promise<RunOutcome> {
  const tracker = new StageTracker(plan.steps, options.onEvent);
  tracker.announce();
  const context: RunContext = { plan, tracker, signal: options.signal };
  const outcome = await execute(client, context);
  const cleanupErrors = await runCleanup(client, plan);
  return cleanupErrors.length > 0 ? { ...outcome, cleanupErrors } : outcome;
}
