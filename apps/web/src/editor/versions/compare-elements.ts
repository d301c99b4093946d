import type { Edge, Node } from '@xyflow/react';

import type { FieldPath, FlowDiff, FlowDocument, Stage } from '@sluice/flow';
import { getStage } from '@sluice/stages';

/** How a stage of the compared versions changed; a stage can have moved and changed at once. */
export type StageMark = 'added' | 'removed' | 'changed' | 'moved';

export interface CompareNodeData extends Record<string, unknown> {
  label: string;
  type: string;
  marks: StageMark[];
}

export type CompareNode = Node<CompareNodeData, 'compare'>;

const labelOf = (stage: Stage): string =>
  stage.label || (getStage(stage.type)?.ui.label ?? stage.type);

/**
 * The canvas of a comparison: the newer version's stages and links, each stage marked with how
 * it changed, and the stages and links only the older version had drawn as ghosts where they
 * were.
 */
export function compareElements(
  to: FlowDocument,
  diff: FlowDiff,
): { nodes: CompareNode[]; edges: Edge[] } {
  const added = new Set(diff.stages.added);
  const moved = new Set(diff.stages.moved);
  const changed = new Set(diff.stages.changed.map((c) => c.stageId));
  const node = (stage: Stage, marks: StageMark[]): CompareNode => ({
    id: stage.id,
    type: 'compare',
    position: { ...stage.position },
    data: { label: labelOf(stage), type: stage.type, marks },
    draggable: false,
    connectable: false,
  });
  const nodes = [
    ...to.stages.map((stage) => {
      const marks: StageMark[] = [];
      if (added.has(stage.id)) marks.push('added');
      if (changed.has(stage.id)) marks.push('changed');
      if (moved.has(stage.id)) marks.push('moved');
      return node(stage, marks);
    }),
    ...diff.stages.removed.map((stage) => node(stage, ['removed'])),
  ];
  const edges: Edge[] = [
    ...to.links.map((link) => ({
      id: `to:${link.id}`,
      source: link.source.stageId,
      target: link.target.stageId,
    })),
    ...diff.links.removed.map((link) => ({
      id: `removed:${link.id}`,
      source: link.source.stageId,
      target: link.target.stageId,
      style: { strokeDasharray: '6 4', opacity: 0.5 },
    })),
  ];
  return { nodes, edges };
}

/** A config field path as a person reads it: the field's label, then list positions from 1. */
export function fieldPathLabel(stageType: string, path: FieldPath): string {
  const [field, ...rest] = path;
  const fields = getStage(stageType)?.ui.fields as Record<string, { label?: string }> | undefined;
  const head =
    field === undefined ? 'the whole config' : (fields?.[String(field)]?.label ?? String(field));
  const tail = rest.map((part) => (typeof part === 'number' ? `row ${part + 1}` : String(part)));
  return [head, ...tail].join(' › ');
}
