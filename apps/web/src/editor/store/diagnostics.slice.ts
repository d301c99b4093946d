import type { Diagnostic } from '@sluice/flow';
import { analyzeFlow } from '@sluice/compiler';

import type { EditorSlice } from './editor-state';

/** What live validation knows of the flow: diagnostics, stage order, columns per stage. */
export type FlowAnalysis = ReturnType<typeof analyzeFlow>;

/**
 * Live validation. Recomputed by `createEditorStore` whenever `docRevision` changes (structure
 * and config edits), never on drags, so moving a node costs no analysis.
 */
export interface DiagnosticsSlice {
  analysis: FlowAnalysis | undefined;
  diagnostics: readonly Diagnostic[];
  /** Error-level diagnostics per stage id, for the canvas badges. */
  errorCounts: Readonly<Record<string, number>>;
  /** Warning-level diagnostics per stage id, for the canvas badges. */
  warningCounts: Readonly<Record<string, number>>;
  recomputeDiagnostics: () => void;
}

export const createDiagnosticsSlice: EditorSlice<DiagnosticsSlice> = (set, get) => ({
  analysis: undefined,
  diagnostics: [],
  errorCounts: {},
  warningCounts: {},
  recomputeDiagnostics: () => {
    const analysis = analyzeFlow(get().document());
    const errorCounts: Record<string, number> = {};
    const warningCounts: Record<string, number> = {};
    for (const d of analysis.diagnostics) {
      if (d.stageId === undefined) continue;
      const counts = d.severity === 'error' ? errorCounts : warningCounts;
      counts[d.stageId] = (counts[d.stageId] ?? 0) + 1;
    }
    set({ analysis, diagnostics: analysis.diagnostics, errorCounts, warningCounts });
  },
});
