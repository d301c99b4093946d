import type { XYPosition } from '@xyflow/react';

import type { EditorSlice } from './editor-state';
import type { NoteFlowNode } from './note-node-model';
import { nodeFromNote, NOTE_NODE } from './note-node-model';
import { unselected } from './selection.slice';
import { uniqueId } from './stage-node-model';

/**
 * Sticky notes on the canvas: Markdown beside the stages, saved with the flow and compiled to
 * nothing. Adding and editing a note is one undo step each; which note is being edited is not.
 */
export interface NotesSlice {
  notes: NoteFlowNode[];
  /** The note whose text is open for editing, if any; never saved or undone. */
  editingNoteId: string | undefined;
  /** Adds an empty note at `position`, selected and open for editing; returns its id. */
  addNote: (position: XYPosition) => string;
  /** Replaces a note's text; the same text again is no change and no undo step. */
  editNote: (id: string, text: string) => void;
  /** Opens a note's text for editing, or closes the editor with `undefined`. */
  setEditingNote: (id: string | undefined) => void;
}

export const createNotesSlice: EditorSlice<NotesSlice> = (set, get) => ({
  notes: [],
  editingNoteId: undefined,
  addNote: (position) => {
    const { nodes, notes } = get();
    const id = uniqueId(NOTE_NODE, new Set([...nodes, ...notes].map((n) => n.id)));
    const note = { ...nodeFromNote({ id, position, text: '' }), selected: true };
    const rest = unselected(get());
    get().commit({ ...rest, notes: [...rest.notes, note] });
    get().syncSelection();
    set({ editingNoteId: id });
    return id;
  },
  editNote: (id, text) => {
    const note = get().notes.find((n) => n.id === id);
    if (!note || note.data.text === text) return;
    get().commit({
      notes: get().notes.map((n) => (n.id === id ? { ...n, data: { ...n.data, text } } : n)),
    });
  },
  setEditingNote: (id) => set({ editingNoteId: id }),
});
