import { reachableStages } from '@sluice/flow';

import type { EditorSlice } from './editor-state';

/** Which stages and links are selected; mirrored from React Flow's `selected` flags, never undone. */
export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Selects one stage (or none), as a click on the canvas would. */
  selectStage: (id: string | undefined) => void;
  /** Selects exactly the stages `ids`, and no links. */
  selectStages: (ids: Iterable<string>) => void;
  selectAll: () => void;
  /** Adds to the selection every stage feeding it (`upstream`) or fed by it (`downstream`). */
  selectConnected: (direction: 'upstream' | 'downstream') => void;
  /** Re-reads the selection from the nodes' and edges' flags after React Flow changed them. */
  syncSelection: () => void;
}

export const createSelectionSlice: EditorSlice<SelectionSlice> = (set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  selectStage: (id) => get().selectStages(id === undefined ? [] : [id]),
  selectStages: (ids) => {
    const chosen = new Set(ids);
    set({
      nodes: get().nodes.map((n) =>
        Boolean(n.selected) === chosen.has(n.id) ? n : { ...n, selected: chosen.has(n.id) },
      ),
      edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    });
    get().syncSelection();
  },
  selectAll: () => get().selectStages(get().nodes.map((n) => n.id)),
  selectConnected: (direction) => {
    const links = get().document().links;
    get().selectStages(reachableStages(links, get().selectedNodeIds, direction));
  },
  syncSelection: () => {
    const nodeIds = get()
      .nodes.filter((n) => n.selected)
      .map((n) => n.id);
    const edgeIds = get()
      .edges.filter((e) => e.selected)
      .map((e) => e.id);
    const same = (a: string[], b: string[]) =>
      a.length === b.length && a.every((id, i) => id === b[i]);
    if (!same(nodeIds, get().selectedNodeIds)) set({ selectedNodeIds: nodeIds });
    if (!same(edgeIds, get().selectedEdgeIds)) set({ selectedEdgeIds: edgeIds });
  },
});
