import type { FlowAnalysis } from '@sluice/compiler';
import { analyzeFlow } from '@sluice/compiler';

import type { FlowsRepo } from '../repos/flows.repo';
import type { RunsRepo } from '../repos/runs.repo';

/** What reading a run's results needs: its records and where flows may not write. */
export interface RunResultDeps {
  flows: FlowsRepo;
  runs: RunsRepo;
  metadataSchema: string;
}

/**
 * The analysis of the flow version a run ran (not the latest: the flow may have changed since),
 * so its results are looked for where that run wrote them.
 */
export async function runAnalysis(
  deps: RunResultDeps,
  runId: string,
): Promise<{ version: number; analysis: FlowAnalysis }> {
  const run = await deps.runs.byId(runId);
  const flow = await deps.flows.atVersion(run.flowId, run.flowVersion);
  const analysis = analyzeFlow(flow.document, { metadataSchema: deps.metadataSchema });
  return { version: run.flowVersion, analysis };
}
