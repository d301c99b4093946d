import type { FlowDocument } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import { InvalidRequestError } from '../errors';

/** Refuses the run over one stage's setting: the message names the stage, the diagnostic marks the field. */
export function stageRefusal(
  doc: FlowDocument,
  problem: { stageId: string; field: string; message: string },
): InvalidRequestError {
  const { stageId, field, message } = problem;
  const label = doc.stages.find((stage) => stage.id === stageId)?.label ?? '';
  return new InvalidRequestError(`Stage "${label === '' ? stageId : label}": ${message}`, [
    diagnostic('invalid-config', { message }, { stageId, path: [field] }),
  ]);
}
