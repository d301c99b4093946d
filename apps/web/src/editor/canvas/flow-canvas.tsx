import type { Connection } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback, useRef, useState } from 'react';
import { useComputedColorScheme } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Background, Controls, useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';

import { CanvasContextMenu } from '../context-menu/canvas-context-menu';
import { useContextMenu } from '../context-menu/use-context-menu';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { selectCanvasHandlers, selectIsReadOnly } from '../store/selectors';
import { CanvasGraph } from './canvas-graph';
import {
  CanvasMinimap,
  FIT_WITH_MINIMAP,
  FIT_WITHOUT_MINIMAP,
  MinimapToggle,
} from './canvas-minimap';
import { FlowProblemsBanner } from './flow-problems-banner';
import { NODE_WIDTH } from './node-size';
import { useCanvasActions } from './use-canvas-actions';

/** The dataTransfer type a palette item carries: the stage type id. */
export const STAGE_DRAG_TYPE = 'application/sluice-stage';

/** Shift adds to a selection as in most editors; Ctrl (Cmd on a Mac) too, as React Flow had. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

/** The id of the link under a screen point, if any (its wide, invisible hit path counts). */
function linkAt(x: number, y: number): string | undefined {
  const edge = document
    .elementsFromPoint(x, y)
    .map((element) => element.closest('.react-flow__edge'))
    .find((element) => element !== null);
  return edge?.getAttribute('data-id') ?? undefined;
}

/**
 * The controlled React Flow canvas: every change goes through the editor store's verbs. The
 * graph itself is drawn by `CanvasGraph`, so what is set up here stays put while stages move.
 */
export function FlowCanvas() {
  const store = useEditorStoreApi();
  const readOnly = useEditorStore(selectIsReadOnly);
  const { onNodesChange, onEdgesChange, connect, addStage, insertStageIntoLink } = useEditorStore(
    useShallow(selectCanvasHandlers),
  );
  const { screenToFlowPosition } = useReactFlow();
  const scheme = useComputedColorScheme('light');
  const [minimap, setMinimap] = useLocalStorage({ key: 'sluice-minimap', defaultValue: true });
  const fitViewOptions = minimap ? FIT_WITH_MINIMAP : FIT_WITHOUT_MINIMAP;
  // Fit a flow that opens with stages; on an empty one, fitting would jump to the first drop.
  const [fitOnOpen] = useState(() => {
    const { nodes, notes } = store.getState();
    return nodes.length + notes.length > 0;
  });
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined);
  const actions = useCanvasActions(pointer);
  useShortcuts('canvas', actions);
  const menu = useContextMenu();

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = connect(connection);
      if (!result.ok) {
        notifications.show({ color: 'orange', title: 'Link not added', message: result.reason });
      }
    },
    [connect],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(STAGE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(STAGE_DRAG_TYPE);
      if (!type) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Centre the node under the pointer rather than hanging it from its corner.
      const position = { x: at.x - NODE_WIDTH / 2, y: at.y - 28 };
      const link = linkAt(event.clientX, event.clientY);
      if (link) insertStageIntoLink(type, position, link);
      else addStage(type, position);
    },
    [addStage, insertStageIntoLink, screenToFlowPosition],
  );

  return (
    <div
      data-testid="canvas"
      style={{ width: '100%', height: '100%', position: 'relative' }}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerMove={(event) => (pointer.current = { x: event.clientX, y: event.clientY })}
      onPointerLeave={() => (pointer.current = undefined)}
    >
      <FlowProblemsBanner />
      <CanvasGraph
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeContextMenu={menu.onNodeContextMenu}
        onEdgeContextMenu={menu.onEdgeContextMenu}
        onPaneContextMenu={menu.onPaneContextMenu}
        deleteKeyCode={null}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        colorMode={scheme}
        fitView={fitOnOpen}
        fitViewOptions={fitViewOptions}
      >
        <Background gap={20} />
        <Controls orientation="horizontal" fitViewOptions={fitViewOptions}>
          <MinimapToggle shown={minimap} onToggle={() => setMinimap(!minimap)} />
        </Controls>
        {minimap && <CanvasMinimap />}
      </CanvasGraph>
      <CanvasContextMenu
        target={menu.target}
        opening={menu.opening}
        onClose={menu.close}
        actions={actions}
      />
    </div>
  );
}
