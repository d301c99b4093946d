import type { StateCreator } from 'zustand';

import type { ClipboardSlice } from './clipboard.slice';
import type { DataPreviewSlice } from './data-preview.slice';
import type { DiagnosticsSlice } from './diagnostics.slice';
import type { FlowSlice } from './flow.slice';
import type { HistorySlice } from './history.slice';
import type { LayoutSlice } from './layout.slice';
import type { NotesSlice } from './notes.slice';
import type { PartialRunSlice } from './partial-run.slice';
import type { RunSlice } from './run.slice';
import type { SelectionSlice } from './selection.slice';

/** The whole editor state: every slice, combined once in `createEditorStore`. */
export type EditorState = FlowSlice &
  NotesSlice &
  SelectionSlice &
  ClipboardSlice &
  LayoutSlice &
  HistorySlice &
  RunSlice &
  PartialRunSlice &
  DiagnosticsSlice &
  DataPreviewSlice;

/** How each slice file declares itself. */
export type EditorSlice<T> = StateCreator<EditorState, [], [], T>;
