import { upstreamOf } from '@sluice/flow';

import type { EditorSlice } from './editor-state';

/** A "run up to here" waiting for its confirmation: what it selected and what it will run. */
export interface PartialRunProposal {
  selected: string[];
  /** The selected stages and everything upstream of them, in document order. */
  stageIds: string[];
}

/**
 * "Run up to here" before it starts: the canvas highlights the stages that will run and dims
 * the rest until the run is confirmed or dismissed. Never undone.
 */
export interface PartialRunSlice {
  partialRun: PartialRunProposal | undefined;
  /** Proposes a run of `selected` and their upstream; ignored when nothing is selected. */
  proposePartialRun: (selected: readonly string[]) => void;
  dismissPartialRun: () => void;
}

export const createPartialRunSlice: EditorSlice<PartialRunSlice> = (set, get) => ({
  partialRun: undefined,
  proposePartialRun: (selected) => {
    if (selected.length === 0) return;
    const stageIds = upstreamOf(get().document(), selected);
    set({ partialRun: { selected: [...selected], stageIds } });
  },
  dismissPartialRun: () => set({ partialRun: undefined }),
});
