import { describe, expect, it } from 'vitest';

import { createTestEditor } from './test-editor';

/** source → filter → export, with a second source into nothing and a lone filter. */
function branchEditor() {
  const ed = createTestEditor();
  const source = ed.add('file-source');
  const filter = ed.add('filter');
  const sink = ed.add('file-export');
  const lone = ed.add('filter');
  ed.link(source, filter);
  ed.link(filter, sink);
  return { ed, source, filter, sink, lone };
}

describe('selection', () => {
  it('selects all stages, and is never an undo step', () => {
    const { ed, source, filter, sink, lone } = branchEditor();
    const steps = ed.state().past.length;
    ed.state().selectAll();
    expect(ed.state().selectedNodeIds).toEqual([source, filter, sink, lone]);
    expect(ed.state().past).toHaveLength(steps);
  });

  it('selects a stage with everything upstream or downstream of it', () => {
    const { ed, source, filter, sink } = branchEditor();
    ed.state().selectStage(filter);
    ed.state().selectConnected('upstream');
    expect(ed.state().selectedNodeIds).toEqual([source, filter]);
    ed.state().selectStage(filter);
    ed.state().selectConnected('downstream');
    expect(ed.state().selectedNodeIds).toEqual([filter, sink]);
  });

  it('deletes a selection of stages and links in one undo step', () => {
    const { ed, source, filter, sink } = branchEditor();
    const before = ed.state().document();
    ed.state().removeElements([source, sink], []);
    expect(
      ed
        .state()
        .document()
        .stages.map((s) => s.id),
    ).not.toContain(source);
    expect(ed.state().document().links).toHaveLength(0);
    ed.state().undo();
    expect(ed.state().document()).toEqual(before);
    expect(
      ed
        .state()
        .document()
        .stages.map((s) => s.id),
    ).toContain(filter);
  });

  it('selects a link alone, and stages and notes by id, never as an undo step', () => {
    const { ed, source, filter } = branchEditor();
    const note = ed.state().addNote({ x: 0, y: 0 });
    ed.state().setEditingNote(undefined);
    const steps = ed.state().past.length;
    const [link] = ed.state().edges;
    ed.state().selectLink(link?.id ?? '');
    expect(ed.state().selectedEdgeIds).toEqual([link?.id]);
    expect(ed.state().selectedItemIds()).toEqual([]);
    ed.state().selectItems([filter, note, 'gone']);
    expect(ed.state().selectedItemIds()).toEqual([filter, note]);
    expect(ed.state().selectedEdgeIds).toEqual([]);
    ed.state().selectStages([source]);
    expect(ed.state().selectedItemIds()).toEqual([source]);
    expect(ed.state().past).toHaveLength(steps);
  });
});
