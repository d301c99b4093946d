import type { FlowDocument, ParameterInput } from '@sluice/flow';

import type { EditorSlice } from './editor-state';
import { chosenParameterValues } from './flow.slice';

/** Which view the panel under the canvas shows. */
export type BottomTab = 'run' | 'preview' | 'versions';

/** A preview asked for: the stage and the document as it was then, saved or not. */
export interface PreviewRequest {
  stageId: string;
  document: FlowDocument;
  /** The parameter values last chosen for a run (the defaults for the others). */
  parameters: Record<string, ParameterInput>;
  /** Tells two requests of the same stage apart, so asking again previews again. */
  serial: number;
}

/** The data preview asked for and the bottom panel's tab. Never undone. */
export interface DataPreviewSlice {
  bottomTab: BottomTab;
  previewRequest: PreviewRequest | undefined;
  showBottomTab: (tab: BottomTab) => void;
  /**
   * Previews the selected stage, or the source of the one selected link (what flows along it);
   * false when neither is selected.
   */
  previewSelection: () => boolean;
}

export const createDataPreviewSlice: EditorSlice<DataPreviewSlice> = (set, get) => ({
  bottomTab: 'run',
  previewRequest: undefined,
  showBottomTab: (bottomTab) => set({ bottomTab }),
  previewSelection: () => {
    const { selectedNodeIds, selectedEdgeIds, edges, previewRequest } = get();
    const onlyLink = selectedNodeIds.length === 0 && selectedEdgeIds.length === 1;
    const link = onlyLink ? edges.find((e) => e.id === selectedEdgeIds[0]) : undefined;
    const stageId = selectedNodeIds.length === 1 ? selectedNodeIds[0] : link?.source;
    if (stageId === undefined) return false;
    const serial = (previewRequest?.serial ?? 0) + 1;
    const parameters = chosenParameterValues(get());
    const document = get().document();
    set({ bottomTab: 'preview', previewRequest: { stageId, document, parameters, serial } });
    return true;
  },
});
