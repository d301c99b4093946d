import type { ShortcutIdIn } from '../shortcuts/shortcut-table';
import type { ShortcutHandler } from '../shortcuts/use-shortcuts';
import type { PointerRef } from './use-clipboard-shortcuts';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { useEditorStoreApi } from '../store/editor-context';
import { useClipboardShortcuts } from './use-clipboard-shortcuts';

/** Binds the shortcuts that act on the canvas: clipboard, selection, run up to here, layout. */
export function useCanvasShortcuts(pointer: PointerRef) {
  const store = useEditorStoreApi();
  const clipboard = useClipboardShortcuts(pointer);
  const hasSelection = () => store.getState().selectedNodeIds.length > 0;
  const handlers: Record<ShortcutIdIn<'canvas'>, ShortcutHandler> = {
    ...clipboard,
    delete: () => {
      const { selectedNodeIds, selectedEdgeIds } = store.getState();
      if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) return false;
      store.getState().removeElements(selectedNodeIds, selectedEdgeIds);
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
    'run-up-to-here': () => {
      if (!hasSelection()) return false;
      store.getState().proposePartialRun(store.getState().selectedNodeIds);
    },
    'auto-layout': () => store.getState().autoLayout(),
  };
  useShortcuts('canvas', handlers);
}
