import type { Plan, PlanStep } from '@sluice/compiler';

import type { RunEvent, RunOutcome } from './run-events';
import type { SqlClient } from './sql-client';
import type { RunClient } from './target';
import { databaseErrorText } from './database-error-text';
import {
  discardExports,
  findMissingInput,
  prepareExportFolders,
  promoteExport,
  tempExports,
} from './plan-files';
import { runStep } from './run-step';
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

/** An export written under its temporary name that could not be moved into place. */
class ExportNotMoved extends Error {
  constructor(
    readonly stageId: string,
    reason: unknown,
  ) {
    super(databaseErrorText(reason), { cause: reason });
  }
}

interface RunContext {
  client: RunClient;
  plan: Plan;
  tracker: StageTracker;
  signal: AbortSignal | undefined;
  /** Undo statements of the steps that succeeded, in the order the steps ran. */
  undo: { stepId: string; statements: readonly string[] }[];
  /** Stages whose export files wait for their rename after commit. */
  awaitingRename: Set<string>;
}

/** Consecutive steps that share transaction membership, in plan order. */
function segments(steps: readonly PlanStep[]): { inTransaction: boolean; steps: PlanStep[] }[] {
  const result: { inTransaction: boolean; steps: PlanStep[] }[] = [];
  for (const step of steps) {
    const last = result.at(-1);
    if (last?.inTransaction === step.inTransaction) last.steps.push(step);
    else result.push({ inTransaction: step.inTransaction, steps: [step] });
  }
  return result;
}

/**
 * Runs one step on `client` and reports it. A streamed file needs the run's own MySQL
 * connection, not the client a transaction lends; both are the same connection there.
 */
async function runOne(client: SqlClient, step: PlanStep, context: RunContext): Promise<void> {
  const { tracker, signal, plan } = context;
  if (signal?.aborted) throw new RunCancelled();
  const { stageId } = step;
  if (stageId !== undefined) tracker.begin(stageId);
  const streams = step.files?.some((file) => file.stream !== undefined) ?? false;
  const rows = await runStep(streams ? context.client : client, step).catch((reason: unknown) => {
    throw new StepFailure(step, reason);
  });
  if (step.undo) context.undo.push({ stepId: step.id, statements: step.undo });
  if (stageId === undefined) return;
  tracker.stepDone(stageId, step.sql, rows);
  if (
    tracker.isLastStep(stageId, plan.steps.indexOf(step)) &&
    !context.awaitingRename.has(stageId)
  ) {
    tracker.succeed(stageId);
  }
}

/**
 * Runs the steps in order: each run of consecutive `inTransaction` steps inside one
 * transaction, every other step on its own (autocommit), as plan.ts describes.
 */
async function runSteps(context: RunContext): Promise<void> {
  const { client, signal } = context;
  for (const segment of segments(context.plan.steps)) {
    if (segment.inTransaction) {
      await client.transaction(async (tx) => {
        for (const step of segment.steps) await runOne(tx, step, context);
      });
    } else {
      for (const step of segment.steps) await runOne(client, step, context);
    }
  }
  if (signal?.aborted) throw new RunCancelled();
}

/**
 * Runs the undo statements of the steps that succeeded, newest step first (each step's own
 * statements in order), so a failure after MySQL's shadow swap puts every table back.
 */
async function runUndo(context: RunContext): Promise<string[]> {
  const errors: string[] = [];
  for (const { stepId, statements } of [...context.undo].reverse()) {
    for (const sql of statements) {
      await context.client.run(sql).catch((error: unknown) => {
        errors.push(`undo ${stepId}: ${databaseErrorText(error)}`);
      });
    }
  }
  return errors;
}

function failed(tracker: StageTracker, error: string, stageId?: string): RunOutcome {
  tracker.skipOpen();
  return stageId === undefined
    ? { state: 'failed', error }
    : { state: 'failed', error, failedStageId: stageId };
}

/** After commit: moves each export into place, then reports its stage as succeeded. */
async function promoteExports(context: RunContext): Promise<RunOutcome> {
  const { plan, tracker } = context;
  const exports = tempExports(plan);
  for (const stageId of context.awaitingRename) {
    try {
      for (const entry of exports.filter((e) => e.stageId === stageId)) await promoteExport(entry);
    } catch (error) {
      throw new ExportNotMoved(stageId, error);
    }
    tracker.succeed(stageId);
  }
  return { state: 'succeeded' };
}

/** The outcome of a run that stopped: cancelled, or failed at a step (or before any). */
function stopped(context: RunContext, error: unknown): RunOutcome {
  const { tracker, signal } = context;
  if (signal?.aborted) {
    tracker.skipOpen();
    return { state: 'cancelled' };
  }
  if (error instanceof ExportNotMoved) {
    tracker.fail(error.stageId, error.message);
    return failed(tracker, error.message, error.stageId);
  }
  if (!(error instanceof StepFailure)) return failed(tracker, databaseErrorText(error));
  const { stageId, sql } = error.step;
  if (stageId !== undefined) tracker.fail(stageId, error.message, sql);
  return failed(tracker, error.message, stageId);
}

async function execute(
  context: RunContext,
): Promise<{ outcome: RunOutcome; undoErrors: string[] }> {
  const { client, plan, tracker, signal } = context;
  if (signal?.aborted) {
    tracker.skipOpen();
    return { outcome: { state: 'cancelled' }, undoErrors: [] };
  }
  const missing = await findMissingInput(plan);
  if (missing) {
    if (missing.stageId !== undefined) tracker.fail(missing.stageId, missing.message);
    return { outcome: failed(tracker, missing.message, missing.stageId), undoErrors: [] };
  }
  await prepareExportFolders(plan);
  let cancelling: Promise<void> = Promise.resolve();
  const cancel = () => {
    cancelling = client.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    await runSteps(context);
    return { outcome: await promoteExports(context), undoErrors: [] };
  } catch (error) {
    // A KILL QUERY still on its way could stop the undo instead of the statement it was for.
    await cancelling;
    // The transaction, if one was open, has rolled back; now undo what committed on its own.
    const undoErrors = await runUndo(context);
    await discardExports(plan);
    return { outcome: stopped(context, error), undoErrors };
  } finally {
    signal?.removeEventListener('abort', cancel);
    await cancelling;
  }
}

/** Runs every cleanup step, whatever happened before; returns the errors instead of throwing. */
async function runCleanup(client: SqlClient, plan: Plan): Promise<string[]> {
  const errors: string[] = [];
  for (const step of plan.cleanup) {
    await client.run(step.sql).catch((error: unknown) => {
      errors.push(`${step.id}: ${databaseErrorText(error)}`);
    });
  }
  return errors;
}

/**
 * Runs a plan so a failed or cancelled run leaves every destination as it was: consecutive
 * `inTransaction` steps share one transaction, other steps autocommit, and when a step fails
 * (or an export cannot be moved into place) the transaction rolls back and the undo statements
 * of the steps that already succeeded run newest first. Emits `pending` for each stage, then
 * `running` / `succeeded` (with rows, duration and SQL) or `failed` / `skipped`. Exports are
 * renamed into place after the last step; cleanup steps run after success, failure and cancel
 * alike. Give each run its own client: the run holds the connection for its whole plan.
 */
export async function runPlan(
  client: RunClient,
  plan: Plan,
  options: RunPlanOptions,
): Promise<RunOutcome> {
  const tracker = new StageTracker(plan.steps, options.onEvent);
  tracker.announce();
  const awaitingRename = new Set(tempExports(plan).flatMap((e) => e.stageId ?? []));
  const context: RunContext = {
    client,
    plan,
    tracker,
    signal: options.signal,
    undo: [],
    awaitingRename,
  };
  const { outcome, undoErrors } = await execute(context);
  const cleanupErrors = [...undoErrors, ...(await runCleanup(client, plan))];
  return cleanupErrors.length > 0 ? { ...outcome, cleanupErrors } : outcome;
}
