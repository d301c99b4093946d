import type { Columns, InputColumns } from '@sluice/stages';

import type { FlowAnalysis } from './diagnostics.slice';
import type { LinkEdge } from './stage-node-model';

/** The columns around one stage: per linked input port, and its output. */
export interface StageColumnsView {
  inputs: InputColumns;
  outputs: Columns;
}

/**
 * Reads a stage's columns from the last analysis: its output, and for each linked input port
 * the output of the stage feeding it. Unlinked ports are absent.
 */
export function stageColumns(
  analysis: FlowAnalysis | undefined,
  edges: readonly LinkEdge[],
  stageId: string,
): StageColumnsView {
  const outputOf = (id: string): Columns => analysis?.columns[id];
  const inputs: Record<string, Columns> = {};
  for (const edge of edges) {
    if (edge.target !== stageId || !edge.targetHandle) continue;
    inputs[edge.targetHandle] = outputOf(edge.source);
  }
  return { inputs, outputs: outputOf(stageId) };
}
