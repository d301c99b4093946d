import type { FlowDocument } from '@sluice/flow';
import { cutFlow } from '@sluice/flow';

import type { FlowAnalysis, StageAnalysis } from './analyze-flow';
import { nodeFiles, nodeReads, relationColumns } from './relations/walk';

/**
 * The stages whose output columns only the target can tell, so the editor asks the target with
 * a zero-row query: processors whose every input's columns are known but whose own cannot be
 * derived (a SQL transform's unnamed expression), and origins whose columns neither a file nor
 * the catalogue gives (a SQL query over the target's tables). Read from what the stages compile
 * to, not from the columns already asked for, so an answer does not take the stage off this list.
 */
export function stagesToDescribe(analysis: FlowAnalysis): string[] {
  return analysis.order.filter((stageId) => {
    const stage = analysis.stages[stageId];
    if (!stage || !inputsKnown(stage)) return false;
    const ctx = { stageId, config: stage.config, inputs: stage.inputs };
    return (
      (stage.definition.outputColumns(ctx) ?? relationColumns(stage.node, stage.inputs)) ===
      undefined
    );
  });
}

/**
 * Each stage of `stagesToDescribe`, with the flow cut to it (notes are no part of it): what a
 * zero-row query on the target describes (`data.describe`).
 */
export function describeRequests(
  analysis: FlowAnalysis,
): { stageId: string; document: FlowDocument }[] {
  return stagesToDescribe(analysis).flatMap((stageId) => {
    const cut = cutFlow(analysis.document, [stageId]);
    if (!cut.ok) return [];
    const { notes: _notes, ...document } = cut.flow;
    return [{ stageId, document }];
  });
}

/** Whether the target can be asked: a processor's linked inputs all have known columns. */
function inputsKnown(stage: StageAnalysis): boolean {
  const { category, ports } = stage.definition;
  if (category === 'origin') {
    return nodeFiles(stage.node).length === 0 && nodeReads(stage.node).length === 0;
  }
  if (category !== 'processor') return false;
  const linked = ports.inputs.filter((port) => Object.hasOwn(stage.inputs, port));
  return linked.length > 0 && linked.every((port) => stage.inputs[port] !== undefined);
}
