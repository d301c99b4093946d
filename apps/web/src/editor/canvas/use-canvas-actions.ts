import { useReactFlow } from '@xyflow/react';

import type { ShortcutIdIn } from '../shortcuts/shortcut-table';
import type { CanvasAction, PointerRef } from './use-clipboard-actions';
import { useEditorStoreApi } from '../store/editor-context';
import { DEFAULT_NOTE_SIZE } from '../store/note-node-model';
import { useClipboardActions } from './use-clipboard-actions';
import { useViewCentre } from './use-view-centre';

/** What the canvas shortcuts and context menus do, by shortcut id. */
export type CanvasActions = Record<ShortcutIdIn<'canvas'>, CanvasAction>;

/**
 * The actions on the canvas: clipboard, selection, layout, notes, preview and partial runs. The shortcuts bind them
 * and the context menus call them, so a menu entry and its keys always do the same.
 */
export function useCanvasActions(pointer: PointerRef): CanvasActions {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const viewCentre = useViewCentre();
  const clipboard = useClipboardActions(pointer);
  const hasSelection = () => store.getState().selectedNodeIds.length > 0;
  return {
    ...clipboard,
    delete: () => {
      const nodeIds = store.getState().selectedItemIds();
      const { selectedEdgeIds } = store.getState();
      if (nodeIds.length === 0 && selectedEdgeIds.length === 0) return false;
      store.getState().removeElements(nodeIds, selectedEdgeIds);
    },
    'select-all': () => store.getState().selectAll(),
    'select-upstream': () => {
      if (!hasSelection()) return false;
      store.getState().selectConnected('upstream');
    },
    'select-downstream': () => {
      if (!hasSelection()) return false;
      store.getState().selectConnected('downstream');
    },
    'auto-layout': () => store.getState().autoLayout(),
    preview: () => store.getState().previewSelection(),
    'run-up-to-here': () => {
      if (!hasSelection()) return false;
      store.getState().proposePartialRun(store.getState().selectedNodeIds);
    },
    'add-note': (at) => {
      const point = at ?? pointer.current;
      const centre = viewCentre();
      // Without a pointer the note is centred in the view rather than hung from its corner.
      const position = point
        ? screenToFlowPosition(point)
        : { x: centre.x - DEFAULT_NOTE_SIZE.width / 2, y: centre.y - DEFAULT_NOTE_SIZE.height / 2 };
      store.getState().addNote(position);
    },
  };
}
