import type { XYPosition } from '@xyflow/react';

import { uniqueId } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { EditorSlice } from './editor-state';
import type { LinkEdge } from './stage-node-model';
import { layeredPositions } from './layered-layout';
import { unselected } from './selection.slice';
import { edgeFromLink, newStageNode } from './stage-node-model';

/** Verbs that arrange stages: auto-layout, and dropping a new stage into a link. */
export interface LayoutSlice {
  /** Lays all stages out left to right along the links, in one undo step. */
  autoLayout: () => void;
  /**
   * Adds a stage of `type` into link `edgeId` (the link split in two through its first input
   * and output) in one undo step; a stage without both kinds of port is added beside it.
   * Returns the new stage's id.
   */
  insertStageIntoLink: (type: string, position: XYPosition, edgeId: string) => string | undefined;
}

export const createLayoutSlice: EditorSlice<LayoutSlice> = (_set, get) => ({
  autoLayout: () => {
    const { nodes, edges } = get();
    if (nodes.length === 0) return;
    const positions = layeredPositions(nodes, edges);
    // Keep the flow's top-left corner where it was, so the view does not jump away.
    const corner = (points: XYPosition[]) => ({
      x: Math.min(...points.map((p) => p.x)),
      y: Math.min(...points.map((p) => p.y)),
    });
    const before = corner(nodes.map((n) => n.position));
    const after = corner([...positions.values()]);
    const moved = nodes.map((n) => {
      const at = positions.get(n.id) ?? n.position;
      return { ...n, position: { x: at.x - after.x + before.x, y: at.y - after.y + before.y } };
    });
    const same = (a: XYPosition, b: XYPosition) => a.x === b.x && a.y === b.y;
    if (moved.every((n, i) => nodes[i] !== undefined && same(n.position, nodes[i].position))) {
      return;
    }
    get().commit({ nodes: moved });
  },
  insertStageIntoLink: (type, position, edgeId) => {
    const { nodes, edges } = get();
    const split = edges.find((e) => e.id === edgeId);
    const ports = getStage(type)?.ports;
    const input = ports?.inputs[0];
    const output = ports?.outputs[0];
    const node = newStageNode(type, position, nodes);
    if (!split || !node || input === undefined || output === undefined) {
      return get().addStage(type, position);
    }
    const taken = new Set(edges.map((e) => e.id));
    const link = (source: { stageId: string; port: string }, target: typeof source): LinkEdge => {
      const id = uniqueId('link', taken);
      taken.add(id);
      return edgeFromLink({ id, source, target });
    };
    const into = link(
      { stageId: split.source, port: split.sourceHandle ?? '' },
      { stageId: node.id, port: input },
    );
    const out = link(
      { stageId: node.id, port: output },
      { stageId: split.target, port: split.targetHandle ?? '' },
    );
    const rest = unselected(get());
    get().commit({
      ...rest,
      nodes: [...rest.nodes, node],
      edges: [...rest.edges.filter((e) => e.id !== split.id), into, out],
    });
    get().syncSelection();
    return node.id;
  },
});
