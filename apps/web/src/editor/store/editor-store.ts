/**
 * One editor store per open flow: slices combined once, seeded from the loaded flow record.
 * Components read it through `useEditorStore(selector)` and change it only through verbs.
 */
import { createStore } from 'zustand/vanilla';

import type { FlowDocument } from '@sluice/flow';

import type { EditorState } from './editor-state';
import { createClipboardSlice } from './clipboard.slice';
import { createDiagnosticsSlice } from './diagnostics.slice';
import { createFlowSlice } from './flow.slice';
import { createHistorySlice } from './history.slice';
import { createLayoutSlice } from './layout.slice';
import { createPartialRunSlice } from './partial-run.slice';
import { createRunSlice } from './run.slice';
import { createSelectionSlice } from './selection.slice';

export interface EditorSeed {
  flowId: string;
  name: string;
  version: number;
  document: FlowDocument;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** Creates the store of one editor, with the document loaded, saved and validated. */
export function createEditorStore(seed: EditorSeed) {
  const store = createStore<EditorState>()((...a) => ({
    ...createFlowSlice(...a),
    ...createSelectionSlice(...a),
    ...createClipboardSlice(...a),
    ...createLayoutSlice(...a),
    ...createHistorySlice(...a),
    ...createRunSlice(...a),
    ...createPartialRunSlice(...a),
    ...createDiagnosticsSlice(...a),
  }));
  store.setState({ flowId: seed.flowId, name: seed.name });
  store.getState().loadDocument({ document: seed.document, version: seed.version });
  store.getState().recomputeDiagnostics();
  store.subscribe((state, previous) => {
    if (state.docRevision !== previous.docRevision) state.recomputeDiagnostics();
  });
  return store;
}
