import type { RefObject } from 'react';
import { notifications } from '@mantine/notifications';
import { useReactFlow } from '@xyflow/react';

import type { ShortcutHandler } from '../shortcuts/use-shortcuts';
import { useEditorStoreApi } from '../store/editor-context';
import { parseStageClipboard } from '../store/stage-clipboard';

/** Where the pointer is over the canvas, in screen pixels; undefined when it is elsewhere. */
export type PointerRef = RefObject<{ x: number; y: number } | undefined>;

const notify = (title: string, message: string) =>
  notifications.show({ color: 'orange', title, message });

/** True when the person has selected text, which Ctrl/Cmd+C and X should copy instead. */
const hasTextSelection = () => {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
};

/**
 * Copy, cut, paste and duplicate through the system clipboard, so stages travel between tabs
 * and flows. A paste lands at the pointer when it is over the canvas.
 */
export function useClipboardShortcuts(pointer: PointerRef) {
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

  const paste = async () => {
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
    const at = pointer.current ? screenToFlowPosition(pointer.current) : undefined;
    store.getState().pasteStages(clip, at);
  };

  const handlers: Record<'copy' | 'cut' | 'paste' | 'duplicate', ShortcutHandler> = {
    copy: () => {
      if (hasTextSelection() || store.getState().selectedNodeIds.length === 0) return false;
      void copy();
    },
    cut: () => {
      const ids = store.getState().selectedNodeIds;
      if (hasTextSelection() || ids.length === 0) return false;
      void copy().then((copied) => {
        if (copied) store.getState().removeElements(ids, []);
      });
    },
    paste: () => void paste(),
    duplicate: () => {
      store.getState().duplicateSelection();
    },
  };
  return handlers;
}
