import type { SamplePlan } from '@sluice/compiler';

import type { ResultTable } from './result-table';
import type { RunClient } from './target';
import { CancelWatch } from './cancel-watch';
import { databaseErrorText } from './database-error-text';
import { runCleanup } from './run-finish';
import { runStep } from './run-step';

/** What a data preview read: the previewed stage's rows, and how many rows each source gave. */
export interface SampleOutcome extends ResultTable {
  /** Rows read from each source stage (at most the plan's `sampleRows`), in plan order. */
  sources: { stageId: string; rows: number }[];
  /** Staging objects a cleanup could not drop; the start-up sweep drops them later. */
  cleanupErrors?: string[];
}

/** Why a preview stopped: the database's message, on the stage whose statement failed. */
export class SampleFailure extends Error {
  override name = 'SampleFailure';

  constructor(
    message: string,
    readonly stageId: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A preview stopped by its signal (the browser went away, or the preview took too long). */
export class SampleCancelled extends Error {
  override name = 'SampleCancelled';
}

/**
 * Runs a data preview on its own connection: each step in order (none in a transaction), then
 * the bounded SELECT, then the cleanup, which runs after success, failure and cancel alike, so
 * the preview leaves nothing behind. `signal` interrupts the statement running (DuckDB interrupt,
 * `KILL QUERY`). Fails with `SampleFailure` naming the stage whose statement failed, or
 * `SampleCancelled`. The caller owns `client` and closes it.
 */
export async function previewSample(
  client: RunClient,
  plan: SamplePlan,
  options: { signal?: AbortSignal } = {},
): Promise<SampleOutcome> {
  const { signal } = options;
  const watch = new CancelWatch(client, signal);
  let result: Omit<SampleOutcome, 'cleanupErrors'> | undefined;
  let failure: unknown;
  try {
    result = await readSample(client, plan, signal);
  } catch (error) {
    failure = signal?.aborted === true ? new SampleCancelled('The preview was stopped.') : error;
  } finally {
    await watch.stop();
  }
  const cleanupErrors = await runCleanup(client, plan);
  if (!result) throw failure;
  return cleanupErrors.length > 0 ? { ...result, cleanupErrors } : result;
}

async function readSample(
  client: RunClient,
  plan: SamplePlan,
  signal: AbortSignal | undefined,
): Promise<Omit<SampleOutcome, 'cleanupErrors'>> {
  const sources: SampleOutcome['sources'] = [];
  const stopped = (stageId: string | undefined) => (error: unknown) => {
    throw new SampleFailure(databaseErrorText(error), stageId, { cause: error });
  };
  for (const step of plan.steps) {
    if (signal?.aborted === true) throw new SampleCancelled('The preview was stopped.');
    const rows = await runStep(client, step, client).catch(stopped(step.stageId));
    const { stageId } = step;
    if (stageId !== undefined && plan.sources.includes(stageId) && rows !== undefined) {
      sources.push({ stageId, rows });
    }
  }
  const table = await client.queryTable(plan.select).catch(stopped(plan.stageId));
  return { ...table, sources };
}
