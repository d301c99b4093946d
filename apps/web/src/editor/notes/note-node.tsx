import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeResizer } from '@xyflow/react';

import { NOTE_SIZE_LIMITS } from '@sluice/flow';

import type { NoteFlowNode } from '../store/note-node-model';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { NoteEditor } from './note-editor';
import { NoteMarkdown } from './note-markdown';
import classes from './note-node.module.css';

/**
 * A sticky note on the canvas: its Markdown formatted, or a text box while open for editing
 * (double-click). Selected, it shows handles to resize it.
 */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const store = useEditorStoreApi();
  const editing = useEditorStore((s) => s.editingNoteId === id);
  return (
    <>
      <NodeResizer
        isVisible={selected}
        minWidth={NOTE_SIZE_LIMITS.width.min}
        minHeight={NOTE_SIZE_LIMITS.height.min}
        maxWidth={NOTE_SIZE_LIMITS.width.max}
        maxHeight={NOTE_SIZE_LIMITS.height.max}
      />
      <div
        className={`${classes.note} nopan`}
        data-testid="note"
        data-selected={selected || undefined}
        aria-label="Note"
        onDoubleClick={() => store.getState().setEditingNote(id)}
      >
        {editing ? <NoteEditor id={id} text={data.text} /> : <NoteMarkdown text={data.text} />}
      </div>
    </>
  );
});
