import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument, FlowDocumentSchema } from '@sluice/flow';

import { DEFAULT_NOTE_SIZE } from './note-node-model';
import { createTestEditor } from './test-editor';

const annotated: FlowDocument = {
  ...emptyFlowDocument(),
  notes: [
    { id: 'note-1', position: { x: 0, y: -200 }, text: '# Orders\n\nRead **daily**.' },
    { id: 'note-2', position: { x: 400, y: -200 }, size: { width: 320, height: 200 }, text: '' },
  ],
};

describe('notes', () => {
  it('adds an empty note, selected and open for editing, in one undo step', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    const note = ed.state().addNote({ x: 100, y: 50 });
    expect(note).toBe('note-1');
    expect(ed.state().document().notes).toEqual([
      { id: note, position: { x: 100, y: 50 }, text: '' },
    ]);
    expect(ed.state().selectedNoteIds).toEqual([note]);
    expect(ed.state().selectedNodeIds).toEqual([]);
    expect(ed.state().editingNoteId).toBe(note);
    ed.state().undo();
    expect(ed.state().document().notes).toBeUndefined();
    expect(
      ed
        .state()
        .document()
        .stages.map((s) => s.id),
    ).toEqual([filter]);
    expect(ed.state().editingNoteId).toBeUndefined();
    expect(ed.state().future).toHaveLength(1);
  });

  it('undoes typing in an open note first, closing it', () => {
    const ed = createTestEditor(annotated);
    ed.state().setEditingNote('note-2');
    ed.state().editNote('note-2', 'Draft');
    ed.state().undo();
    expect(ed.state().editingNoteId).toBeUndefined();
    expect(ed.state().document()).toEqual(annotated);
    expect(ed.state().future).toHaveLength(1);
  });

  it('edits a note in one undo step, and the same text again is no step', () => {
    const ed = createTestEditor(annotated);
    ed.state().editNote('note-1', '# Orders\n\n- paid\n- refunded');
    const steps = ed.state().past.length;
    ed.state().editNote('note-1', '# Orders\n\n- paid\n- refunded');
    expect(ed.state().past).toHaveLength(steps);
    expect(ed.state().isDirty).toBe(true);
    ed.state().undo();
    expect(ed.state().document()).toEqual(annotated);
    expect(ed.state().isDirty).toBe(false);
  });

  it('takes typing in an open note as one undo step when the editing ends', () => {
    const ed = createTestEditor(annotated);
    ed.state().setEditingNote('note-2');
    for (const text of ['W', 'Wh', 'Why']) ed.state().editNote('note-2', text);
    expect(ed.state().document().notes?.[1]?.text).toBe('Why');
    expect(ed.state().isDirty).toBe(true);
    expect(ed.state().past).toHaveLength(0);
    ed.state().setEditingNote(undefined);
    expect(ed.state().past).toHaveLength(1);
    ed.state().setEditingNote('note-1');
    ed.state().setEditingNote(undefined);
    expect(ed.state().past).toHaveLength(1);
    ed.state().undo();
    expect(ed.state().document()).toEqual(annotated);
  });

  it('reads notes from the document and writes them back unchanged', () => {
    const ed = createTestEditor(annotated);
    expect(ed.state().notes.map((n) => [n.id, n.width, n.height])).toEqual([
      ['note-1', DEFAULT_NOTE_SIZE.width, DEFAULT_NOTE_SIZE.height],
      ['note-2', 320, 200],
    ]);
    expect(ed.state().document()).toEqual(annotated);
    expect(ed.state().isDirty).toBe(false);
    // Notes compile to nothing: the flow has the problems of an empty one.
    expect(ed.state().diagnostics).toEqual(createTestEditor().state().diagnostics);
  });

  it('saves a resize, captured once at its end', () => {
    const ed = createTestEditor(annotated);
    for (const width of [260, 280, 300.4]) {
      ed.state().onNodesChange([
        {
          type: 'dimensions',
          id: 'note-1',
          resizing: true,
          setAttributes: true,
          dimensions: { width, height: 150 },
        },
        { type: 'position', id: 'note-1', position: { x: -width + 240, y: -200 } },
      ]);
    }
    expect(ed.state().past).toHaveLength(0);
    ed.state().onNodesChange([{ type: 'dimensions', id: 'note-1', resizing: false }]);
    expect(ed.state().past).toHaveLength(1);
    expect(ed.state().document().notes?.[0]).toMatchObject({
      position: { x: -60, y: -200 },
      size: { width: 300, height: 150 },
    });
    ed.state().undo();
    expect(ed.state().document()).toEqual(annotated);
  });

  it('moves a note by dragging it, as stages move', () => {
    const ed = createTestEditor(annotated);
    ed.state().onNodesChange([
      { type: 'position', id: 'note-2', position: { x: 420, y: -180 }, dragging: true },
    ]);
    ed.state().onNodesChange([
      { type: 'position', id: 'note-2', position: { x: 440, y: -160 }, dragging: false },
    ]);
    expect(ed.state().document().notes?.[1]?.position).toEqual({ x: 440, y: -160 });
    expect(ed.state().past).toHaveLength(1);
  });

  it('is selected by select all and removed with the selection in one undo step', () => {
    const ed = createTestEditor(annotated);
    const filter = ed.add('filter');
    ed.state().selectAll();
    expect(ed.state().selectedNoteIds).toEqual(['note-1', 'note-2']);
    const { selectedNodeIds, selectedNoteIds } = ed.state();
    ed.state().removeElements([...selectedNodeIds, ...selectedNoteIds], []);
    expect(ed.state().document()).toEqual(emptyFlowDocument());
    ed.state().undo();
    expect(ed.state().document().notes).toHaveLength(2);
    expect(
      ed
        .state()
        .document()
        .stages.map((s) => s.id),
    ).toEqual([filter]);
  });

  it('travels with copied stages, pasted with fresh ids beside them', () => {
    const ed = createTestEditor(annotated);
    const filter = ed.add('filter', 0, 0);
    ed.select([filter, 'note-1']);
    const clip = ed.state().copySelection();
    expect(clip?.notes?.map((n) => n.id)).toEqual(['note-1']);
    if (!clip) throw new Error('nothing copied');
    const pasted = ed.state().pasteStages(clip, { x: 1000, y: 1000 });
    expect(pasted).toEqual(['filter-2', 'note-3']);
    const doc = ed.state().document();
    expect(FlowDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.stages.find((s) => s.id === 'filter-2')?.position).toEqual({ x: 1000, y: 1200 });
    expect(doc.notes?.find((n) => n.id === 'note-3')).toEqual({
      id: 'note-3',
      position: { x: 1000, y: 1000 },
      text: '# Orders\n\nRead **daily**.',
    });
    expect(ed.state().selectedNoteIds).toEqual(['note-3']);
    ed.state().undo();
    expect(ed.state().document().notes).toHaveLength(2);
  });

  it('copies a note alone', () => {
    const ed = createTestEditor(annotated);
    ed.select(['note-2']);
    expect(ed.state().duplicateSelection()).toEqual(['note-3']);
    expect(ed.state().document().notes?.[2]).toMatchObject({
      position: { x: 440, y: -160 },
      size: { width: 320, height: 200 },
    });
  });

  it('stays where it is when the stages are laid out', () => {
    const ed = createTestEditor(annotated);
    const source = ed.add('file-source', 500, 500);
    const filter = ed.add('filter', 0, 0);
    ed.link(source, filter);
    ed.state().autoLayout();
    expect(ed.state().document().notes).toEqual(annotated.notes);
  });
});
