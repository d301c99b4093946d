import type { RefObject } from 'react';
import { notifications } from '@mantine/notifications';
import { useReactFlow } from '@xyflow/react';

import type { ShortcutHandler } from '../shortcuts/use-shortcuts';
import { useEditorStoreApi } from '../store/editor-context';
import { parseStageClipboard } from '../store/stage-clipboard';

/** A point on the screen, in pixels from the window's top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** Where the pointer is over the canvas; undefined when it is elsewhere. */
export type PointerRef = RefObject<ScreenPoint | undefined>;

/**
 * What a shortcut or a menu entry runs: `at` is where a context menu was opened, for the
 * actions that place something; a shortcut passes none and the pointer counts. Returns false
 * when it left the key to the browser.
 */
export type CanvasAction = (at?: ScreenPoint) => ReturnType<ShortcutHandler>;

const notify = (title: string, message: string) =>
  notifications.show({ color: 'orange', title, message });

/** True when the person has selected text, which Ctrl/Cmd+C and X should copy instead. */
const hasTextSelection = () => {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
};

/**
 * Copy, cut, paste and duplicate through the system clipboard, so stages and notes travel
 * between tabs and flows. A paste lands at the pointer when it is over the canvas.
 */
export function useClipboardActions(pointer: PointerRef) {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  const copy = async (): Promise<boolean> => {
    const clip = store.getState().copySelection();
    if (!clip) return false;
    try {
      await navigator.clipboard.writeText(JSON.stringify(clip));
      return true;
    } catch {
      notify('Not copied', 'The browser refused access to the clipboard.');
      return false;
    }
  };

  const paste = async (point: ScreenPoint | undefined) => {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      notify('Nothing pasted', 'The browser refused access to the clipboard.');
      return;
    }
    const clip = parseStageClipboard(text);
    if (!clip) {
      notify('Nothing pasted', 'The clipboard holds no stages copied from Sluice.');
      return;
    }
    store.getState().pasteStages(clip, point && screenToFlowPosition(point));
  };

  const selectedIds = () => store.getState().selectedItemIds();

  const handlers: Record<'copy' | 'cut' | 'paste' | 'duplicate', CanvasAction> = {
    copy: () => {
      if (hasTextSelection() || selectedIds().length === 0) return false;
      void copy();
    },
    cut: () => {
      const ids = selectedIds();
      if (hasTextSelection() || ids.length === 0) return false;
      void copy().then((copied) => {
        if (copied) store.getState().removeElements(ids, []);
      });
    },
    paste: (at) => void paste(at ?? pointer.current),
    duplicate: () => {
      store.getState().duplicateSelection();
    },
  };
  return handlers;
}
