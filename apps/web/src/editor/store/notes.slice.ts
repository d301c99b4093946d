import type { XYPosition } from '@xyflow/react';

import type { FlowDocument } from '@sluice/flow';
import { uniqueId } from '@sluice/flow';

import type { EditorSlice } from './editor-state';
import type { NoteFlowNode } from './note-node-model';
import { nodeFromNote, NOTE_NODE } from './note-node-model';
import { unselected } from './selection.slice';

/**
 * Sticky notes on the canvas: Markdown beside the stages, saved with the flow and compiled to
 * nothing. Adding a note is one undo step; editing one is a gesture, like a drag: the text
 * changes as it is typed (so a save takes it) and the step is captured when the editing ends.
 */
export interface NotesSlice {
  notes: NoteFlowNode[];
  /** The note whose text is open for editing, if any; never saved or undone. */
  editingNoteId: string | undefined;
  /** The document before the note editing in progress, captured when it ends. */
  noteEditStart: FlowDocument | undefined;
  /** Adds an empty note at `position`, selected and open for editing; returns its id. */
  addNote: (position: XYPosition) => string;
  /**
   * Replaces a note's text: one undo step, or part of the editing step while the note is open.
   * The same text again is no change.
   */
  editNote: (id: string, text: string) => void;
  /** Opens a note for editing, or with `undefined` ends the editing and captures its step. */
  setEditingNote: (id: string | undefined) => void;
}

export const createNotesSlice: EditorSlice<NotesSlice> = (set, get) => ({
  notes: [],
  editingNoteId: undefined,
  noteEditStart: undefined,
  addNote: (position) => {
    const { nodes, notes } = get();
    const id = uniqueId(NOTE_NODE, new Set([...nodes, ...notes].map((n) => n.id)));
    const note = { ...nodeFromNote({ id, position, text: '' }), selected: true };
    const rest = unselected(get());
    get().commit({ ...rest, notes: [...rest.notes, note] });
    get().syncSelection();
    get().setEditingNote(id);
    return id;
  },
  editNote: (id, text) => {
    const note = get().notes.find((n) => n.id === id);
    if (!note || note.data.text === text) return;
    const notes = get().notes.map((n) => (n.id === id ? { ...n, data: { ...n.data, text } } : n));
    if (get().editingNoteId !== id) {
      get().commit({ notes });
      return;
    }
    set({ notes });
    get().refreshDirty();
  },
  setEditingNote: (id) => {
    const start = get().noteEditStart;
    if (start && JSON.stringify(start) !== JSON.stringify(get().document())) get().capture(start);
    set({ editingNoteId: id, noteEditStart: id === undefined ? undefined : get().document() });
  },
});
