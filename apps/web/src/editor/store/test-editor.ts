import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

import { createEditorStore } from './editor-store';

/** A fresh editor on a saved flow, with short names for the verbs store tests use. */
export function createTestEditor(document: FlowDocument = emptyFlowDocument()) {
  const store = createEditorStore({ flowId: 'f1', name: 'Test flow', version: 1, document });
  const state = () => store.getState();
  const add = (type: string, x = 0, y = 0) => {
    const id = state().addStage(type, { x, y });
    if (!id) throw new Error(`addStage refused ${type}`);
    return id;
  };
  const link = (source: string, target: string) =>
    state().connect({ source, target, sourceHandle: 'out', targetHandle: 'in' });
  const select = (ids: readonly string[]) => {
    const flag = <T extends { id: string }>(e: T) => ({ ...e, selected: ids.includes(e.id) });
    store.setState({ nodes: state().nodes.map(flag), notes: state().notes.map(flag) });
    state().syncSelection();
  };
  return { store, state, add, link, select };
}
