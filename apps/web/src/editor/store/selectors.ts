import type { Diagnostic } from '@sluice/flow';

import type { EditorState } from './editor-state';
import type { StageFlowNode, StageNodeData } from './stage-node-model';

/** Module-level selectors: components pick narrowly and React Flow gets stable handlers. */

export const selectNodes = (s: EditorState) => s.nodes;
export const selectEdges = (s: EditorState) => s.edges;
export const selectNotes = (s: EditorState) => s.notes;
export const selectAddStage = (s: EditorState) => s.addStage;
export const selectIsDirty = (s: EditorState) => s.isDirty;
export const selectName = (s: EditorState) => s.name;
export const selectFlowId = (s: EditorState) => s.flowId;
export const selectCanUndo = (s: EditorState) => s.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.future.length > 0;
export const selectRun = (s: EditorState) => s.run;
export const selectStarting = (s: EditorState) => s.starting;
export const selectDiagnostics = (s: EditorState) => s.diagnostics;
export const selectAnalysis = (s: EditorState) => s.analysis;
export const selectDocRevision = (s: EditorState) => s.docRevision;
export const selectPreview = (s: EditorState) => s.preview;
export const selectTarget = (s: EditorState) => s.environment?.target;
export const selectSetEnvironment = (s: EditorState) => s.setEnvironment;
export const selectSetDetectedColumns = (s: EditorState) => s.setDetectedColumns;
export const selectFilesToDetect = (s: EditorState) => s.filesToDetect;
export const selectTablesToDetect = (s: EditorState) => s.tablesToDetect;
export const selectStagesToDescribe = (s: EditorState) => s.stagesToDescribe;
export const selectBottomTab = (s: EditorState) => s.bottomTab;
export const selectPreviewRequest = (s: EditorState) => s.previewRequest;

const NO_NODES: readonly StageFlowNode[] = [];
/** The stages while a partial run is proposed, for its dialog; none otherwise, so drags pass it by. */
export const selectNodesWhileProposed = (s: EditorState): readonly StageFlowNode[] =>
  s.partialRun ? s.nodes : NO_NODES;

/** The handlers the canvas passes to React Flow (pick with `useShallow`). */
export const selectCanvasHandlers = (s: EditorState) => ({
  onNodesChange: s.onNodesChange,
  onEdgesChange: s.onEdgesChange,
  connect: s.connect,
  addStage: s.addStage,
  insertStageIntoLink: s.insertStageIntoLink,
});

/** The id of the one selected stage, or undefined when none or several are selected. */
export const selectSelectedStageId = (s: EditorState): string | undefined =>
  s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : undefined;

/**
 * What a stage holds besides its place: moving it keeps this object, so its readers (the
 * inspector) stay still while it is dragged.
 */
export const selectStageData =
  (id: string) =>
  (s: EditorState): StageNodeData | undefined =>
    s.nodes.find((n) => n.id === id)?.data;

export const selectStageRunStatus = (id: string) => (s: EditorState) => s.runStatus[id];
/**
 * How a partial run sets a stage apart on the canvas: `will-run` / `left-out` while a "run up
 * to here" waits for its confirmation, `left-out` for a stage the running run does not include.
 */
export const selectStageCut =
  (id: string) =>
  (s: EditorState): 'will-run' | 'left-out' | undefined => {
    if (s.partialRun) return s.partialRun.stageIds.includes(id) ? 'will-run' : 'left-out';
    const running = s.run !== undefined && (s.run.state === 'queued' || s.run.state === 'running');
    return running && s.runStatus[id] === undefined ? 'left-out' : undefined;
  };
export const selectStageErrorCount = (id: string) => (s: EditorState) => s.errorCounts[id] ?? 0;
export const selectStageWarningCount = (id: string) => (s: EditorState) => s.warningCounts[id] ?? 0;

/** Diagnostics of one stage (pick with `useShallow`: the array is new on every call). */
export const selectStageDiagnostics =
  (id: string) =>
  (s: EditorState): Diagnostic[] =>
    s.diagnostics.filter((d) => d.stageId === id);

/** Diagnostics of the flow as a whole, tied to no stage (pick with `useShallow`). */
export const selectFlowDiagnostics = (s: EditorState): Diagnostic[] =>
  s.diagnostics.filter((d) => d.stageId === undefined);

/** Error-level diagnostics of the whole flow (pick with `useShallow`). */
export const selectErrors = (s: EditorState): Diagnostic[] =>
  s.diagnostics.filter((d) => d.severity === 'error');

/** True while the editor shows a past run's version, which nothing may change. */
export const selectIsReadOnly = (s: EditorState): boolean => s.pastRun !== undefined;

/**
 * The rows a stage read in the shown run: what the stages linked into it put out, summed.
 * `undefined` for a stage with no inputs or none counted yet.
 */
export const selectStageRowsIn =
  (id: string) =>
  (s: EditorState): number | undefined => {
    const counts = s.edges
      .filter((edge) => edge.target === id)
      .map((edge) => s.runStatus[edge.source]?.rows);
    if (counts.length === 0 || counts.some((n) => n === undefined)) return undefined;
    return counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  };
