import type { GraphLabel, NodeLabel } from '@dagrejs/dagre';
import type { XYPosition } from '@xyflow/react';
import dagre from '@dagrejs/dagre';

import type { LinkEdge, StageFlowNode } from './stage-node-model';

/** Used for stages React Flow has not measured yet (tests, or a layout right after a paste). */
const DEFAULT_SIZE = { width: 240, height: 64 };
const GAP = { between: 48, layers: 96 };

/**
 * Top-left positions that lay the stages out in layers from left to right along the links
 * (dagre's layered layout), so each link runs forward and crossings are few.
 */
export function layeredPositions(
  nodes: readonly StageFlowNode[],
  edges: readonly LinkEdge[],
): Map<string, XYPosition> {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, object>();
  graph.setGraph({ rankdir: 'LR', nodesep: GAP.between, ranksep: GAP.layers });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(
    nodes.map((n) => [
      n.id,
      {
        width: n.measured?.width ?? DEFAULT_SIZE.width,
        height: n.measured?.height ?? DEFAULT_SIZE.height,
      },
    ]),
  );
  for (const [id, size] of sizes) graph.setNode(id, size);
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, XYPosition>();
  for (const [id, size] of sizes) {
    // dagre gives centres; React Flow places nodes by their top-left corner.
    const { x = 0, y = 0 } = graph.node(id);
    positions.set(id, { x: Math.round(x - size.width / 2), y: Math.round(y - size.height / 2) });
  }
  return positions;
}
