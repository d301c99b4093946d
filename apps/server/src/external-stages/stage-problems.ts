import type { FlowAnalysis } from '@sluice/compiler';
import type { Diagnostic } from '@sluice/flow';
import { disabledExternalStages, unknownExternalStages } from '@sluice/compiler';

import type { ExternalStageRecord } from './external-stage-types';

/**
 * The file references of a flow that name an external stage Sluice does not have, or one turned
 * off, as errors on their stage's field: a run or preview refuses both.
 */
export function externalStageProblems(
  analysis: FlowAnalysis,
  known: readonly ExternalStageRecord[],
): Diagnostic[] {
  return [
    ...unknownExternalStages(
      analysis,
      known.map((stage) => stage.name),
    ),
    ...disabledExternalStages(
      analysis,
      known.filter((stage) => !stage.enabled).map((stage) => stage.name),
    ),
  ];
}
