import type { Node } from '@xyflow/react';

import type { Note } from '@sluice/flow';

/** The React Flow node type of sticky notes; no stage type may take this id. */
export const NOTE_NODE = 'note';

/** The size a note is drawn at until the person resizes it (then its size is saved). */
export const DEFAULT_NOTE_SIZE = { width: 240, height: 140 } as const;

/** What a note node carries: its Markdown; React Flow holds its id, position and size. */
export interface NoteNodeData extends Record<string, unknown> {
  text: string;
}

/** A sticky note as React Flow sees it. */
export type NoteFlowNode = Node<NoteNodeData, typeof NOTE_NODE>;

/** Whether a canvas node is a note rather than a stage. */
export function isNoteNode(node: Node): node is NoteFlowNode {
  return node.type === NOTE_NODE;
}

/** Builds the canvas node of a note, keeping React Flow's own fields from `previous`. */
export function nodeFromNote(note: Note, previous?: NoteFlowNode): NoteFlowNode {
  const size = note.size ?? DEFAULT_NOTE_SIZE;
  return {
    ...previous,
    id: note.id,
    type: NOTE_NODE,
    position: { ...note.position },
    width: size.width,
    height: size.height,
    data: { text: note.text },
  };
}

/** The saved note of a canvas node; a note at its default size saves none, as before resizing. */
export function noteFromNode(node: NoteFlowNode): Note {
  const width = Math.round(node.width ?? DEFAULT_NOTE_SIZE.width);
  const height = Math.round(node.height ?? DEFAULT_NOTE_SIZE.height);
  const resized = width !== DEFAULT_NOTE_SIZE.width || height !== DEFAULT_NOTE_SIZE.height;
  return {
    id: node.id,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    ...(resized ? { size: { width, height } } : {}),
    text: node.data.text,
  };
}
