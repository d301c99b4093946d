import type { Edge, Node } from '@xyflow/react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useState } from 'react';

import type { ScreenPoint } from '../canvas/use-clipboard-actions';
import { useEditorStoreApi } from '../store/editor-context';
import { isNoteNode } from '../store/note-node-model';

/** What a context menu was opened on, and where. */
export type ContextMenuTarget =
  | { kind: 'stage' | 'note' | 'link'; id: string; at: ScreenPoint }
  | { kind: 'pane'; at: ScreenPoint };

/**
 * The point of a context-menu event: the pointer, or the element's corner when the menu key
 * or Shift+F10 opened it (the browser then gives no pointer position).
 */
function pointOf(event: ReactMouseEvent | MouseEvent): ScreenPoint {
  if (event.clientX !== 0 || event.clientY !== 0) return { x: event.clientX, y: event.clientY };
  const box = event.target instanceof Element ? event.target.getBoundingClientRect() : undefined;
  return { x: box?.left ?? 0, y: box?.bottom ?? 0 };
}

/**
 * Which context menu is open, and React Flow's handlers that open one. Opening a menu on a
 * stage or note outside the selection selects it alone, as a click would, so that the menu's
 * entries act on what it was opened on; inside the selection, they act on all of it.
 */
export function useContextMenu() {
  const store = useEditorStoreApi();
  const [target, setTarget] = useState<ContextMenuTarget | undefined>(undefined);
  // Counts openings: the menu is keyed by it, so each one is placed afresh at its own point.
  const [opening, setOpening] = useState(0);
  const close = useCallback(() => setTarget(undefined), []);
  const open = useCallback((next: ContextMenuTarget) => {
    setTarget(next);
    setOpening((count) => count + 1);
  }, []);

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      event.preventDefault();
      if (!store.getState().selectedItemIds().includes(node.id)) {
        store.getState().selectItems([node.id]);
      }
      open({ kind: isNoteNode(node) ? 'note' : 'stage', id: node.id, at: pointOf(event) });
    },
    [open, store],
  );
  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: Edge) => {
      event.preventDefault();
      store.getState().selectLink(edge.id);
      open({ kind: 'link', id: edge.id, at: pointOf(event) });
    },
    [open, store],
  );
  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault();
      open({ kind: 'pane', at: pointOf(event) });
    },
    [open],
  );
  return { target, opening, close, onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu };
}
