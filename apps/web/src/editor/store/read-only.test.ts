import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

import { createEditorStore } from './editor-store';
import { createTestEditor } from './test-editor';

/** A saved flow of two linked stages, made with the ordinary verbs. */
function twoStages(): FlowDocument {
  const ed = createTestEditor();
  const source = ed.add('file-source');
  const filter = ed.add('filter', 300);
  ed.link(source, filter);
  return ed.state().document();
}

function pastRunEditor(document: FlowDocument) {
  return createEditorStore({
    flowId: 'f1',
    name: 'Test flow',
    version: 2,
    document,
    pastRun: { runId: 'r1', version: 2, currentVersion: 3 },
  });
}

describe('read-only editor on a past run', () => {
  it('changes nothing of the document, whichever verb is called', () => {
    const document = twoStages();
    const store = pastRunEditor(document);
    const s = () => store.getState();
    const [source, filter] = s().nodes.map((n) => n.id) as [string, string];

    expect(s().addStage('filter', { x: 0, y: 0 })).toBeUndefined();
    s().updateStageConfig(filter, { condition: 'x > 1' });
    s().renameStage(filter, 'Renamed');
    s().describeStage(filter, 'Keeps the paid orders');
    s().addNote({ x: 10, y: 10 });
    s().removeElements([source], []);
    s().commit({ nodes: [] });
    s().selectStages([filter]);
    expect(s().duplicateSelection()).toEqual([]);
    s().autoLayout();
    s().onNodesChange([{ type: 'position', id: filter, position: { x: 900, y: 900 } }]);
    s().onNodesChange([{ type: 'remove', id: filter }]);
    const link = s().connect({
      source: filter,
      target: source,
      sourceHandle: 'out',
      targetHandle: 'in',
    });
    expect(link).toEqual({ ok: false, reason: 'A past run is read-only.' });
    s().undo();

    expect(s().document()).toEqual(document);
    expect(s().isDirty).toBe(false);
    expect(s().version).toBe(2);
  });

  it('still selects stages, so their settings and run status can be read', () => {
    const store = pastRunEditor(twoStages());
    const [, filter] = store.getState().nodes.map((n) => n.id) as [string, string];
    store.getState().onNodesChange([{ type: 'select', id: filter, selected: true }]);
    expect(store.getState().selectedNodeIds).toEqual([filter]);
  });

  it('follows the run it shows and names it', () => {
    const store = pastRunEditor(emptyFlowDocument());
    expect(store.getState().runId).toBe('r1');
    expect(store.getState().pastRun).toEqual({ runId: 'r1', version: 2, currentVersion: 3 });
  });

  it('leaves an editor of the current flow editable', () => {
    const ed = createTestEditor();
    expect(ed.state().pastRun).toBeUndefined();
    ed.add('filter');
    expect(ed.state().document().stages).toHaveLength(1);
  });
});
