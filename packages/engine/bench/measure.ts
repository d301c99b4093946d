import type { Plan } from '@sluice/compiler';

import type { RunClient } from '../src/target';
import { runPlan } from '../src/run-plan';

/** The middle value (the upper one of an even count). */
export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** Seconds `work` takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** Runs a compiled plan as a flow run does; returns the seconds each stage took. */
export async function runSluicePlan(client: RunClient, plan: Plan): Promise<Map<string, number>> {
  const stageSeconds = new Map<string, number>();
  const outcome = await runPlan(client, plan, {
    onEvent: (event) => {
      if (event.durationMs !== undefined) stageSeconds.set(event.stageId, event.durationMs / 1000);
    },
  });
  if (outcome.state !== 'succeeded') {
    throw new Error(`Benchmark plan failed: ${outcome.error ?? ''}`);
  }
  return stageSeconds;
}
