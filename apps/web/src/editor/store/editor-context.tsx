import type { ReactNode } from 'react';
import { createContext, useContext, useState } from 'react';
import { useStore } from 'zustand';

import type { EditorState } from './editor-state';
import type { EditorSeed, EditorStore } from './editor-store';
import { createEditorStore } from './editor-store';

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Provides a fresh editor store for one open flow; remount (key by flow id) to start over. */
export function EditorStoreProvider({ seed, children }: { seed: EditorSeed; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(seed));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

/** The editor store itself, for handlers that read state at call time (`getState()`). */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside an <EditorStoreProvider>.');
  return store;
}

/** Subscribes to a slice of the editor state; pick narrowly (module-level selectors). */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
