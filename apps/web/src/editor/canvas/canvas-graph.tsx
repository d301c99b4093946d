import type { ReactFlowProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { ReactFlow } from '@xyflow/react';

import type { CanvasNode, LinkEdge } from '../store/stage-node-model';
import { useEditorStore } from '../store/editor-context';
import { selectEdges, selectNodes, selectNotes } from '../store/selectors';
import { edgeTypes, nodeTypes } from './node-types';

/** What the canvas gives React Flow besides the graph; stable, so a drag redraws none of it. */
export type CanvasGraphProps = Omit<
  ReactFlowProps<CanvasNode, LinkEdge>,
  'nodes' | 'edges' | 'nodeTypes' | 'edgeTypes'
>;

/**
 * The most stages and notes drawn whether in view or not. In a larger flow every stage drawn is
 * a store subscription, a DOM subtree and layout on each frame of a drag, so only those in view
 * are drawn; a smaller one draws them all, which costs nothing that shows.
 */
const DRAW_ALL_UP_TO = 200;

/**
 * React Flow on the store's stages, notes and links: the one part of the canvas that draws again
 * on every frame of a drag. The canvas around it (menus, shortcuts, minimap switch) stays still,
 * and its children (the canvas furniture) keep their elements, so React skips them.
 */
export const CanvasGraph = memo(function CanvasGraph(props: CanvasGraphProps) {
  const stages = useEditorStore(selectNodes);
  const notes = useEditorStore(selectNotes);
  // Notes first, so stages draw over them where they overlap.
  const nodes = useMemo<CanvasNode[]>(() => [...notes, ...stages], [notes, stages]);
  const edges = useEditorStore(selectEdges);
  return (
    <ReactFlow<CanvasNode, LinkEdge>
      {...props}
      onlyRenderVisibleElements={nodes.length > DRAW_ALL_UP_TO}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
    />
  );
});
