import { NOTE_LIMITS } from '@sluice/flow';

import { formatCount } from '../../lib/format';
import { useEditorStoreApi } from '../store/editor-context';
import classes from './note-node.module.css';

/** From this share of the limit on, the note says how much room is left. */
const COUNT_FROM = 0.9;

/**
 * The text box of a note open for editing. Every keystroke reaches the store (so a save takes
 * it); leaving the box or pressing Escape ends the editing, one undo step.
 */
export function NoteEditor({ id, text }: { id: string; text: string }) {
  const store = useEditorStoreApi();
  const limit = NOTE_LIMITS.textLength;
  const full = text.length >= limit;
  return (
    <>
      <textarea
        className={`${classes.editor} nodrag nowheel nopan`}
        aria-label="Note text (Markdown)"
        data-testid="note-editor"
        value={text}
        maxLength={limit}
        autoFocus
        onFocus={(event) => {
          const end = event.currentTarget.value.length;
          event.currentTarget.setSelectionRange(end, end);
        }}
        onChange={(event) => store.getState().editNote(id, event.currentTarget.value)}
        onBlur={() => store.getState().setEditingNote(undefined)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      {text.length >= limit * COUNT_FROM && (
        <div className={classes.count} data-full={full || undefined} aria-live="polite">
          {formatCount(text.length)} of {formatCount(limit)} characters
          {full && ': the most a note holds, so split it in two'}
        </div>
      )}
    </>
  );
}
