/**
 * One editor store per open flow: slices combined once, seeded from the loaded flow record.
 * Components read it through `useEditorStore(selector)` and change it only through verbs.
 */
import { createStore } from 'zustand/vanilla';

import type { FlowDocument } from '@sluice/flow';

import type { EditorState } from './editor-state';
import type { PastRunView } from './read-only';
import { createClipboardSlice } from './clipboard.slice';
import { createDataPreviewSlice } from './data-preview.slice';
import { createDiagnosticsSlice } from './diagnostics.slice';
import { createFlowSlice } from './flow.slice';
import { createHistorySlice } from './history.slice';
import { createLayoutSlice } from './layout.slice';
import { createNotesSlice } from './notes.slice';
import { createPartialRunSlice } from './partial-run.slice';
import { readOnlyVerbs } from './read-only';
import { createRunSlice } from './run.slice';
import { createSelectionSlice } from './selection.slice';

export interface EditorSeed {
  flowId: string;
  name: string;
  version: number;
  document: FlowDocument;
  /** Opens the editor read-only on a past run; `document` and `version` are the run's. */
  pastRun?: PastRunView;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** Creates the store of one editor, with the document loaded, saved and validated. */
export function createEditorStore(seed: EditorSeed) {
  const store = createStore<EditorState>()((...a) => ({
    ...createFlowSlice(...a),
    ...createNotesSlice(...a),
    ...createSelectionSlice(...a),
    ...createClipboardSlice(...a),
    ...createLayoutSlice(...a),
    ...createHistorySlice(...a),
    ...createRunSlice(...a),
    ...createPartialRunSlice(...a),
    ...createDiagnosticsSlice(...a),
    ...createDataPreviewSlice(...a),
  }));
  store.setState({ flowId: seed.flowId, name: seed.name });
  store.getState().loadDocument({ document: seed.document, version: seed.version });
  store.getState().recomputeDiagnostics();
  if (seed.pastRun) {
    store.setState({ pastRun: seed.pastRun, ...readOnlyVerbs(store.getState()) });
    store.getState().watchRun(seed.pastRun.runId);
  }
  store.subscribe((state, previous) => {
    if (state.docRevision !== previous.docRevision) state.recomputeDiagnostics();
  });
  return store;
}
