import { reachableStages } from '@sluice/flow';

import type { EditorSlice } from './editor-state';
import type { CanvasElements } from './stage-node-model';

/**
 * Which stages, notes and links are selected; mirrored from React Flow's `selected` flags,
 * never undone.
 */
export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedNoteIds: string[];
  selectedEdgeIds: string[];
  /** The ids of the selected stages and notes: what copy, cut and delete act on. */
  selectedItemIds: () => string[];
  /** Selects one stage (or none), as a click on the canvas would. */
  selectStage: (id: string | undefined) => void;
  /** Selects exactly the stages `ids`, and no notes or links. */
  selectStages: (ids: Iterable<string>) => void;
  /** Selects exactly the stages and notes among `ids`, and no links. */
  selectItems: (ids: Iterable<string>) => void;
  /** Selects every stage and note. */
  selectAll: () => void;
  /** Selects the link `id` alone, as a click on it would. */
  selectLink: (id: string) => void;
  /** Adds to the selection every stage feeding it (`upstream`) or fed by it (`downstream`). */
  selectConnected: (direction: 'upstream' | 'downstream') => void;
  /** Re-reads the selection from the nodes' and edges' flags after React Flow changed them. */
  syncSelection: () => void;
}

/** Sets each element's `selected` flag by `chosen`, keeping the objects whose flag stays. */
function flagged<T extends { id: string; selected?: boolean }>(
  elements: readonly T[],
  chosen: (id: string) => boolean,
): T[] {
  return elements.map((e) =>
    Boolean(e.selected) === chosen(e.id) ? e : { ...e, selected: chosen(e.id) },
  );
}

/** The elements with nothing selected: where an added or pasted element becomes the selection. */
export function unselected(elements: Readonly<CanvasElements>): CanvasElements {
  const none = () => false;
  return {
    nodes: flagged(elements.nodes, none),
    edges: flagged(elements.edges, none),
    notes: flagged(elements.notes, none),
    parameters: elements.parameters,
  };
}

const selectedIds = (elements: readonly { id: string; selected?: boolean }[]) =>
  elements.filter((e) => e.selected).map((e) => e.id);

export const createSelectionSlice: EditorSlice<SelectionSlice> = (set, get) => {
  const select = (chosen: {
    stages?: Iterable<string>;
    notes?: Iterable<string>;
    edge?: string;
  }) => {
    const stages = new Set(chosen.stages);
    const notes = new Set(chosen.notes);
    set({
      nodes: flagged(get().nodes, (id) => stages.has(id)),
      notes: flagged(get().notes, (id) => notes.has(id)),
      edges: flagged(get().edges, (id) => id === chosen.edge),
    });
    get().syncSelection();
  };
  return {
    selectedNodeIds: [],
    selectedNoteIds: [],
    selectedEdgeIds: [],
    selectedItemIds: () => [...get().selectedNodeIds, ...get().selectedNoteIds],
    selectStage: (id) => select({ stages: id === undefined ? [] : [id] }),
    selectStages: (ids) => select({ stages: ids }),
    selectItems: (ids) => {
      const chosen = [...ids];
      select({ stages: chosen, notes: chosen });
    },
    selectAll: () =>
      select({ stages: get().nodes.map((n) => n.id), notes: get().notes.map((n) => n.id) }),
    selectLink: (id) => select({ edge: id }),
    selectConnected: (direction) => {
      const links = get().document().links;
      get().selectStages(reachableStages(links, get().selectedNodeIds, direction));
    },
    syncSelection: () => {
      const same = (a: string[], b: string[]) =>
        a.length === b.length && a.every((id, i) => id === b[i]);
      const nodeIds = selectedIds(get().nodes);
      const noteIds = selectedIds(get().notes);
      const edgeIds = selectedIds(get().edges);
      if (!same(nodeIds, get().selectedNodeIds)) set({ selectedNodeIds: nodeIds });
      if (!same(noteIds, get().selectedNoteIds)) set({ selectedNoteIds: noteIds });
      if (!same(edgeIds, get().selectedEdgeIds)) set({ selectedEdgeIds: edgeIds });
    },
  };
};
