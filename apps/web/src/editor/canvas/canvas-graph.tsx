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
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
    />
  );
});
