import type { FlowDocument } from '@sluice/flow';

import type { EditorSlice } from './editor-state';
import { fromFlowDocument } from './stage-node-model';

/** Edits with the same key this close together become one undo step (typing in a field). */
const MERGE_WINDOW_MS = 1000;
const LIMIT = 200;

/**
 * Undo and redo over document snapshots. Verbs declare their capture: structure and config
 * edits now, drags at drag end, selection and run status never.
 */
export interface HistorySlice {
  past: FlowDocument[];
  future: FlowDocument[];
  lastCapture: { key: string; at: number } | undefined;
  /** Records `before` as an undo step; a repeated `mergeKey` within a second folds into one. */
  capture: (before: FlowDocument, mergeKey?: string) => void;
  undo: () => void;
  redo: () => void;
  clearHistory: () => void;
}

export const createHistorySlice: EditorSlice<HistorySlice> = (set, get) => {
  const restore = (doc: FlowDocument) => {
    set({ ...fromFlowDocument(doc, get()), docRevision: get().docRevision + 1 });
    get().refreshDirty();
  };
  return {
    past: [],
    future: [],
    lastCapture: undefined,
    capture: (before, mergeKey) => {
      const now = Date.now();
      const last = get().lastCapture;
      const merges =
        mergeKey !== undefined && last?.key === mergeKey && now - last.at < MERGE_WINDOW_MS;
      set({
        past: merges ? get().past : [...get().past, before].slice(-LIMIT),
        future: [],
        lastCapture: mergeKey === undefined ? undefined : { key: mergeKey, at: now },
      });
    },
    undo: () => {
      // An open note's typing is a step of its own, so it is the first to go.
      get().setEditingNote(undefined);
      const { past, future } = get();
      const previous = past.at(-1);
      if (!previous) return;
      set({
        past: past.slice(0, -1),
        future: [get().document(), ...future],
        lastCapture: undefined,
      });
      restore(previous);
    },
    redo: () => {
      get().setEditingNote(undefined);
      const { past, future } = get();
      const next = future[0];
      if (!next) return;
      set({
        past: [...past, get().document()],
        future: future.slice(1),
        lastCapture: undefined,
      });
      restore(next);
    },
    clearHistory: () => set({ past: [], future: [], lastCapture: undefined }),
  };
};
