import type { Plan, PlanStep } from '@sluice/compiler';

import type { TempExport } from './plan-files';
import type { PeekRows, ProgressEvent, RunEvent, RunOutcome, StatementEvent } from './run-events';
import type { FinishContext, Finished } from './run-finish';
import type { SqlClient } from './sql-client';
import type { RunClient } from './target';
import { committedNote, isAfterCommit } from './after-commit';
import { CancelWatch } from './cancel-watch';
import { databaseErrorText } from './database-error-text';
import { ExportPromotions } from './export-promotions';
import { blameInlined } from './inlined-blame';
import { peekRows } from './peek-rows';
import { discardExports, findMissingInput, prepareExportFolders, tempExports } from './plan-files';
import { ClaimLostError } from './run-claims';
import { ExportNotMoved, RunCancelled, StepFailure } from './run-errors';
import { cleanUpAfter, finishSteps, runCleanup } from './run-finish';
import { runStep } from './run-step';
import { stagesOf, StageTracker } from './stage-tracker';
import { loadProgress, startStatement } from './step-reports';
import { TidyClient } from './tidy-client';
import { unrestoredNote } from './unrestored-note';

/**
 * Options of `runPlan`: `signal` cancels the run; `onEvent` receives every stage change;
 * `onStatement` each plan step's SQL as it ends, with its time; `onProgress` how far each load
 * has read; `reconnect` opens a fresh connection for undo and cleanup when the run's own has died.
 */
export interface RunPlanOptions {
  signal?: AbortSignal;
  onEvent: (event: RunEvent) => void;
  onStatement?: (event: StatementEvent) => void;
  onProgress?: (event: ProgressEvent) => void;
  /** Each peek's rows, once the run has succeeded. */
  onPeek?: (rows: PeekRows) => void;
  reconnect?: () => Promise<SqlClient>;
}

interface RunContext extends FinishContext, Pick<RunPlanOptions, 'onStatement' | 'onProgress'> {
  client: RunClient;
  /** Where undo and cleanup run: the run's connection, or a fresh one when it died. */
  tidy: TidyClient;
  /** Undo statements of the steps that succeeded, in the order the steps ran. */
  undo: { stepId: string; phase: PlanStep['phase']; statements: readonly string[] }[];
  /** Stages that succeed only once the run stands (see `succeedingAtCommit`). */
  awaitingCommit: Set<string>;
  /** Rows the peeks read, reported only once the run has succeeded. */
  peeks: PeekRows[];
  onPeek: RunPlanOptions['onPeek'];
}

/**
 * Stages whose work only stands once the final COMMIT does: exports, whose files move into
 * place right before it, stages whose last step is in the commit phase (MySQL's appends),
 * which a failure after them rolls back, table destinations, whose total is counted last, and
 * peeks, whose rows are only shown once the run stands.
 * Reporting them earlier would show rows that vanish.
 */
function succeedingAtCommit(plan: Plan, exports: readonly TempExport[]): Set<string> {
  const lastPhase = new Map<string, PlanStep['phase']>();
  for (const step of plan.steps)
    for (const { stageId } of stagesOf(step)) lastPhase.set(stageId, step.phase);
  const appends = [...lastPhase].filter(([, phase]) => phase === 'commit').map(([id]) => id);
  const tables = (plan.tableTotals ?? []).map((total) => total.stageId);
  const peeks = plan.steps.flatMap((step) => (step.keepRows ? (step.stageId ?? []) : []));
  return new Set([...exports.flatMap((e) => e.stageId ?? []), ...appends, ...tables, ...peeks]);
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
 * Runs one step and returns its rows; a peek keeps what it read for the end of the run. The
 * rows its profile counted for inlined stages go to `stageRows`.
 */
async function stepRows(
  client: SqlClient,
  step: PlanStep,
  how: {
    context: RunContext;
    onProgress: ReturnType<typeof loadProgress>;
    stageRows: Map<string, number>;
  },
): Promise<number | undefined> {
  const { context, onProgress, stageRows } = how;
  const { keepRows, stageId } = step;
  if (keepRows === undefined || stageId === undefined) {
    return runStep(client, step, {
      fileStreaming: context.client.fileStreaming,
      statementProfiles: context.client.statementProfiles,
      onStageRows: (id, rows) => stageRows.set(id, rows),
      onProgress,
    });
  }
  const kept = await peekRows(client, context.client, { ...step, keepRows });
  context.peeks.push({ kind: 'peek', stageId, ...kept, at: new Date().toISOString() });
  return kept.rows.length;
}

/**
 * Runs one step on `client` and reports it. A streamed file goes through the run client's own
 * file streaming, not the client a transaction lends; both are the same connection there.
 */
async function runOne(client: SqlClient, step: PlanStep, context: RunContext): Promise<void> {
  const { tracker, signal, plan } = context;
  if (signal?.aborted) throw new RunCancelled();
  for (const { stageId } of stagesOf(step)) tracker.begin(stageId);
  const onProgress = loadProgress(step, context.onProgress);
  const statement = startStatement(step, context.onStatement);
  const stageRows = new Map<string, number>();
  const how = { context, onProgress, stageRows };
  const rows = await stepRows(client, step, how).catch((reason: unknown) => {
    const failure = new StepFailure(step, reason);
    statement(failure.message);
    throw failure;
  });
  statement();
  if (step.undo) context.undo.push({ stepId: step.id, phase: step.phase, statements: step.undo });
  for (const done of stagesOf(step, rows)) {
    tracker.stepDone(done.stageId, step.sql, done.rows ?? stageRows.get(done.stageId));
    if (
      tracker.isLastStep(done.stageId, plan.steps.indexOf(step)) &&
      !context.awaitingCommit.has(done.stageId)
    ) {
      tracker.succeed(done.stageId);
    }
  }
}

/**
 * Runs the steps in order: each run of consecutive `inTransaction` steps inside one
 * transaction, every other step on its own (autocommit), as plan.ts describes.
 */
async function runSteps(context: RunContext, steps: readonly PlanStep[]): Promise<void> {
  const all = segments(steps);
  if (all.length === 0) await finishSteps(context.client, context);
  for (const [index, segment] of all.entries()) {
    const runSegment = async (client: SqlClient) => {
      for (const step of segment.steps) await runOne(client, step, context);
      if (index === all.length - 1) await finishSteps(client, context);
    };
    if (segment.inTransaction) await context.client.transaction(runSegment);
    else await runSegment(context.client);
  }
}

/**
 * Runs the undo statements of the steps that succeeded, newest step first (each step's own
 * statements in order), so a failure after MySQL's shadow swap puts every table back.
 */
async function runUndo(context: RunContext): Promise<{ errors: string[]; swapFailed: boolean }> {
  const errors: string[] = [];
  let swapFailed = false;
  if (context.undo.length === 0) return { errors, swapFailed };
  const client = await context.tidy.get();
  for (const { stepId, phase, statements } of [...context.undo].reverse()) {
    for (const sql of statements) {
      await client.run(sql).catch((error: unknown) => {
        errors.push(`undo ${stepId}: ${databaseErrorText(error)}`);
        swapFailed ||= phase === 'swap';
      });
    }
  }
  return { errors, swapFailed };
}

function failed(tracker: StageTracker, error: string, stageId?: string): RunOutcome {
  tracker.skipOpen();
  return stageId === undefined
    ? { state: 'failed', error }
    : { state: 'failed', error, failedStageId: stageId };
}

/**
 * The outcome of a run that stopped: cancelled, failed because its claim was lost (the signal's
 * reason; the stage it interrupted is the one that failed), or failed at a step (or before any).
 */
function stopped(
  tracker: StageTracker,
  error: unknown,
  signal: AbortSignal | undefined,
): RunOutcome {
  const reason: unknown = signal?.reason;
  if (signal?.aborted === true && reason instanceof ClaimLostError) {
    const stageId = error instanceof StepFailure ? error.step.stageId : undefined;
    if (stageId !== undefined) tracker.fail(stageId, reason.message);
    return failed(tracker, reason.message, stageId);
  }
  if (signal?.aborted === true) {
    tracker.cancelOpen();
    return { state: 'cancelled' };
  }
  if (error instanceof ExportNotMoved) {
    if (error.stageId !== undefined) tracker.fail(error.stageId, error.message);
    return failed(tracker, error.message, error.stageId);
  }
  if (!(error instanceof StepFailure)) return failed(tracker, databaseErrorText(error));
  const { sql } = error.step;
  const stageId = error.stageId();
  if (stageId !== undefined) tracker.fail(stageId, error.message, sql);
  return failed(tracker, error.message, stageId);
}

/**
 * After a failure or cancel (the transaction, if one was open, has rolled back): undoes what
 * committed on its own, puts the export files back and deletes temporary ones. When an undo
 * statement fails, cleanup must not run: it would drop the copies holding the original data.
 */
async function compensate(context: RunContext, reason: unknown): Promise<Finished> {
  // A cancel that comes in from here on changes nothing: the run stopped for this reason.
  const signal = context.signal?.aborted === true ? context.signal : undefined;
  await context.watch.stop();
  const undone = await runUndo(context);
  if (reason instanceof StepFailure && signal === undefined) {
    await blameInlined(context.client, reason, context.plan.steps);
  }
  const problems = await context.promotions.restore();
  await discardExports(context.plan).catch((reason: unknown) => {
    problems.push(`Cannot delete a temporary export: ${databaseErrorText(reason)}`);
  });
  const outcome = stopped(context.tracker, reason, signal);
  if (undone.errors.length === 0) return { outcome, problems, cleanup: true };
  const note = unrestoredNote(context.plan, undone);
  const error = outcome.error === undefined ? note : `${outcome.error} ${note}`;
  // Only a failed swap back leaves original rows in the run's `…_old` tables.
  return {
    outcome: { ...outcome, error },
    problems: [...undone.errors, note, ...problems],
    cleanup: !undone.swapFailed,
  };
}

async function execute(context: RunContext): Promise<Finished> {
  const steps = context.plan.steps;
  try {
    await runSteps(
      context,
      steps.filter((step) => !isAfterCommit(step)),
    );
  } catch (error) {
    return await compensate(context, error);
  }
  for (const stageId of context.awaitingCommit) context.tracker.succeed(stageId);
  for (const peek of context.peeks) context.onPeek?.(peek);
  const problems = await context.promotions.dropBackups();
  const late = await runAfterCommit(context, steps.filter(isAfterCommit));
  if (late) return { outcome: late, problems, cleanup: true };
  const { warnings } = context;
  const outcome: RunOutcome =
    warnings.length > 0 ? { state: 'succeeded', warnings } : { state: 'succeeded' };
  return { outcome, problems, cleanup: true };
}

/**
 * Runs the executors that come after the commit, in plan order, each on its own. The run's
 * writes stand by then, so a cancel no longer stops them and a failure undoes nothing: it fails
 * the run on the executor's stage, skips the rest, and says what the run kept.
 */
async function runAfterCommit(
  context: RunContext,
  steps: readonly PlanStep[],
): Promise<RunOutcome | undefined> {
  const committed: RunContext = { ...context, signal: undefined };
  for (const step of steps) {
    try {
      await runOne(context.client, step, committed);
    } catch (error) {
      const failure = error instanceof StepFailure ? error : new StepFailure(step, error);
      const message = `${failure.message} ${committedNote(context.plan)}`;
      if (step.stageId !== undefined) context.tracker.fail(step.stageId, message, step.sql);
      return failed(context.tracker, message, step.stageId);
    }
  }
  return undefined;
}

/** Stops a run before its first step: cancelled already, or an input or export folder problem. */
async function refuseToStart(
  plan: Plan,
  tracker: StageTracker,
  signal: AbortSignal | undefined,
): Promise<RunOutcome | undefined> {
  if (signal?.aborted) {
    if (signal.reason instanceof ClaimLostError) return failed(tracker, signal.reason.message);
    tracker.skipOpen();
    return { state: 'cancelled' };
  }
  const problem = (await findMissingInput(plan)) ?? (await prepareExportFolders(plan));
  if (!problem) return undefined;
  if (problem.stageId !== undefined) tracker.fail(problem.stageId, problem.message);
  return failed(tracker, problem.message, problem.stageId);
}

/**
 * Runs a plan so a failed or cancelled run leaves every destination as it was: consecutive
 * `inTransaction` steps share one transaction, other steps autocommit, exports move into place
 * (the files they replace kept aside) right before the final COMMIT, and when anything fails
 * up to that COMMIT the transaction rolls back, the undo statements of the steps that already
 * succeeded run newest first and the export files are put back. A cancel counts until that
 * point; after it the run has succeeded. Emits `pending` for each stage, then `running` /
 * `succeeded` (with rows, duration, SQL and a table's total) or `failed` / `cancelled` /
 * `skipped`. Cleanup steps run after success, failure and cancel alike (on a fresh connection
 * from `reconnect` when the run's own died), unless an undo failed (the outcome then says what
 * was kept). Give each run its own client: the run holds the connection for its whole plan.
 */
export async function runPlan(
  client: RunClient,
  plan: Plan,
  options: RunPlanOptions,
): Promise<RunOutcome> {
  const tracker = new StageTracker(plan.steps, options.onEvent);
  tracker.announce();
  const refused = await refuseToStart(plan, tracker, options.signal);
  if (refused) {
    const cleanupErrors = await runCleanup(client, plan);
    return cleanupErrors.length > 0 ? { ...refused, cleanupErrors } : refused;
  }
  const exports = tempExports(plan);
  const tidy = new TidyClient(client, options.reconnect);
  const finished = await execute({
    client,
    plan,
    tracker,
    signal: options.signal,
    onStatement: options.onStatement,
    onProgress: options.onProgress,
    watch: new CancelWatch(client, options.signal),
    tidy,
    undo: [],
    exports,
    promotions: new ExportPromotions(),
    warnings: [],
    awaitingCommit: succeedingAtCommit(plan, exports),
    peeks: [],
    onPeek: options.onPeek,
  });
  return cleanUpAfter(tidy, plan, finished);
}
