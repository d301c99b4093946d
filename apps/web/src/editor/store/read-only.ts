import type { EditorState } from './editor-state';

/** What the editor shows instead of the current flow: one past run on the version it ran. */
export interface PastRunView {
  runId: string;
  /** The flow version the run ran, shown on the canvas. */
  version: number;
  /** The flow's current version when the view opened: the base a restore saves on. */
  currentVersion: number;
}

const REFUSAL = { ok: false, reason: 'A past run is read-only.' } as const;
const none = () => undefined;
const noIds = (): string[] => [];

/**
 * The verbs of a read-only editor: every verb that would change the document does nothing, so
 * no control, shortcut or drop can edit a past run's version, whichever one calls it. Node
 * changes keep only selection and measured sizes, which change no document.
 */
export function readOnlyVerbs(state: EditorState): Partial<EditorState> {
  return {
    addStage: none,
    updateStageConfig: none,
    renameStage: none,
    describeStage: none,
    addNote: () => '',
    editNote: none,
    setEditingNote: none,
    // A partial run would run the current flow, not the version shown.
    proposePartialRun: none,
    connect: () => REFUSAL,
    commit: none,
    removeElements: none,
    pasteStages: noIds,
    duplicateSelection: noIds,
    autoLayout: none,
    insertStageIntoLink: none,
    undo: none,
    redo: none,
    onNodesChange: (changes) => {
      state.onNodesChange(changes.filter((c) => c.type === 'select' || c.type === 'dimensions'));
    },
  };
}
