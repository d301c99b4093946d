import type { FlowAnalysis } from '@sluice/compiler';
import type { Target } from '@sluice/engine';
import { analyzeFlow } from '@sluice/compiler';

import type { FlowsRepo } from '../repos/flows.repo';
import type { RunsRepo } from '../repos/runs.repo';

/** What reading a run's results needs: its records, its target's dialect and where flows may not write. */
export interface RunResultDeps {
  flows: FlowsRepo;
  runs: RunsRepo;
  metadataSchema: string;
  target: Target;
}

/**
 * The analysis of the flow version a run ran (not the latest: the flow may have changed since),
 * with the parameter values it ran with, so its results are looked for where that run wrote them.
 */
export async function runAnalysis(
  deps: RunResultDeps,
  runId: string,
): Promise<{ version: number; analysis: FlowAnalysis }> {
  const run = await deps.runs.byId(runId);
  const flow = await deps.flows.atVersion(run.flowId, run.flowVersion);
  const analysis = analyzeFlow(flow.document, {
    metadataSchema: deps.metadataSchema,
    parameters: {
      dialect: deps.target.profile.dialect,
      ...(run.parameters === undefined ? {} : { values: run.parameters }),
    },
  });
  return { version: run.flowVersion, analysis };
}
