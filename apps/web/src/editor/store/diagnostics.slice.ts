import type { FlowAnalysis, FlowPreview, StageTableRef, TargetProfile } from '@sluice/compiler';
import type { Diagnostic, FlowDocument } from '@sluice/flow';
import type { Column, FileFormat, FileRef } from '@sluice/stages';
import {
  analyzeFlow,
  describeRequests,
  fileRefs,
  previewFlow,
  sourceTables,
} from '@sluice/compiler';

import type { EditorSlice } from './editor-state';
import { chosenParameterValues } from './flow.slice';

/** What live validation knows of the flow: diagnostics, stage order, columns per stage. */
export type { FlowAnalysis };

/** What the server says about where flows run, which the preview compiles for. */
export interface PreviewEnvironment {
  /** The target's dialect, product and version (`system.info`). */
  target: TargetProfile;
  /** Names of the external stages that exist; absent until the list has loaded. */
  knownExternalStages?: readonly string[];
  /** Names of those turned off on the External stages page, which no flow may use. */
  disabledExternalStages?: readonly string[];
  /** Names of those whose files live on S3, which only MatrixOne reads. */
  s3ExternalStages?: readonly string[];
  /** Where Sluice's own tables are on the target, which no stage may name. */
  metadataSchema?: string;
}

/**
 * Live validation and the SQL preview. Recomputed by `createEditorStore` whenever `docRevision`
 * changes (structure and config edits), never on drags, so moving a node costs no analysis; and
 * when the environment arrives or changes. Until the target is known, only the target-free
 * analysis runs: there is no SQL to show, and no target diagnostics yet.
 */
export interface DiagnosticsSlice {
  analysis: FlowAnalysis | undefined;
  /** The plan preview for the target, with its diagnostics; absent until the target is known. */
  preview: FlowPreview | undefined;
  environment: PreviewEnvironment | undefined;
  /**
   * Columns read from the files of sources that declare none, by stage id, so conditions and
   * pickers downstream know them before any run. Never saved with the flow.
   */
  detectedColumns: Readonly<Record<string, readonly Column[]>>;
  /** The files read by sources that declare no columns: what to detect them from. */
  filesToDetect: readonly { stageId: string; ref: FileRef; format: FileFormat }[];
  /** The tables read by table sources: whose columns to ask the target's catalogue for. */
  tablesToDetect: readonly StageTableRef[];
  /**
   * Stages whose columns only the target can tell, each with the flow up to it: what to ask a
   * zero-row query for.
   */
  stagesToDescribe: readonly { stageId: string; document: FlowDocument }[];
  /** The analysis' diagnostics, plus the target's and missing external stages once known. */
  diagnostics: readonly Diagnostic[];
  /** Error-level diagnostics per stage id, for the canvas badges. */
  errorCounts: Readonly<Record<string, number>>;
  /** Warning-level diagnostics per stage id, for the canvas badges. */
  warningCounts: Readonly<Record<string, number>>;
  recomputeDiagnostics: () => void;
  /** Never undoable: it is the server's state, not the document's. */
  setEnvironment: (environment: PreviewEnvironment) => void;
  /** Never undoable: it is what the files hold, not the document. */
  setDetectedColumns: (columns: Readonly<Record<string, readonly Column[]>>) => void;
}

function countByStage(diagnostics: readonly Diagnostic[]) {
  const errorCounts: Record<string, number> = {};
  const warningCounts: Record<string, number> = {};
  for (const d of diagnostics) {
    if (d.stageId === undefined) continue;
    const counts = d.severity === 'error' ? errorCounts : warningCounts;
    counts[d.stageId] = (counts[d.stageId] ?? 0) + 1;
  }
  return { errorCounts, warningCounts };
}

export const createDiagnosticsSlice: EditorSlice<DiagnosticsSlice> = (set, get) => ({
  analysis: undefined,
  preview: undefined,
  environment: undefined,
  detectedColumns: {},
  filesToDetect: [],
  tablesToDetect: [],
  stagesToDescribe: [],
  diagnostics: [],
  errorCounts: {},
  warningCounts: {},
  recomputeDiagnostics: () => {
    const document = get().document();
    const { environment, detectedColumns } = get();
    const parameterValues = chosenParameterValues(get());
    const metadataSchema = environment?.metadataSchema;
    // One analysis per change: the preview compiles it, so its diagnostics cover both. The
    // parameters take the values last chosen for a run, as literals of the target's dialect.
    const analysis = analyzeFlow(document, {
      detectedColumns,
      ...(metadataSchema === undefined ? {} : { metadataSchema }),
      parameters: { dialect: environment?.target.dialect ?? 'duckdb', values: parameterValues },
    });
    const preview = environment && previewFlow(analysis, environment);
    const diagnostics = preview?.diagnostics ?? analysis.diagnostics;
    const filesToDetect = fileRefs(analysis).flatMap(({ stageId, ref, detect }) =>
      detect ? [{ stageId, ref, format: detect }] : [],
    );
    const tablesToDetect = sourceTables(analysis);
    const stagesToDescribe = describeRequests(analysis);
    set({
      analysis,
      preview,
      diagnostics,
      filesToDetect,
      tablesToDetect,
      stagesToDescribe,
      ...countByStage(diagnostics),
    });
  },
  setEnvironment: (environment) => {
    if (JSON.stringify(environment) === JSON.stringify(get().environment)) return;
    set({ environment });
    get().recomputeDiagnostics();
  },
  setDetectedColumns: (detectedColumns) => {
    if (JSON.stringify(detectedColumns) === JSON.stringify(get().detectedColumns)) return;
    set({ detectedColumns });
    get().recomputeDiagnostics();
  },
});
