import { describe, expect, it } from 'vitest';

import { FlowDocumentSchema } from '@sluice/flow';

import { parseStageClipboard, STAGE_CLIPBOARD_KIND } from './stage-clipboard';
import { createTestEditor } from './test-editor';

/** Source → filter → export, linked, plus a lone filter; all at known positions. */
function chainEditor() {
  const ed = createTestEditor();
  const source = ed.add('file-source', 0, 0);
  const filter = ed.add('filter', 300, 0);
  const sink = ed.add('file-export', 600, 0);
  const lone = ed.add('filter', 300, 300);
  ed.link(source, filter);
  ed.link(filter, sink);
  ed.state().updateStageConfig(sink, { externalStage: 'warehouse', path: 'paid.csv' });
  return { ed, source, filter, sink, lone };
}

describe('clipboard', () => {
  it('copies the selected stages with only the links between them', () => {
    const { ed, source, filter, lone } = chainEditor();
    ed.select([source, filter, lone]);
    const clip = ed.state().copySelection();
    expect(clip?.kind).toBe(STAGE_CLIPBOARD_KIND);
    expect(clip?.stages.map((s) => s.id)).toEqual([source, filter, lone]);
    expect(clip?.links).toHaveLength(1);
    expect(parseStageClipboard(JSON.stringify(clip))).toEqual(clip);
    ed.select([]);
    expect(ed.state().copySelection()).toBeUndefined();
  });

  it('pastes with fresh ids and labels at the pointer, configs and links kept, in one undo step', () => {
    const { ed, source, filter, sink } = chainEditor();
    ed.select([source, filter, sink]);
    const clip = ed.state().copySelection();
    if (!clip) throw new Error('nothing copied');
    const before = ed.state().document();
    const pasted = ed.state().pasteStages(clip, { x: 1000, y: 500 });

    const doc = ed.state().document();
    expect(FlowDocumentSchema.safeParse(doc).success).toBe(true);
    expect(pasted).toHaveLength(3);
    expect(pasted.some((id) => [source, filter, sink].includes(id))).toBe(false);
    const copies = doc.stages.filter((s) => pasted.includes(s.id));
    expect(copies.map((s) => s.label)).toEqual(['File source 2', 'Filter 3', 'File export 2']);
    expect(copies.map((s) => s.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1300, y: 500 },
      { x: 1600, y: 500 },
    ]);
    expect(copies[2]?.config).toMatchObject({ externalStage: 'warehouse', path: 'paid.csv' });
    const newLinks = doc.links.filter((l) => pasted.includes(l.source.stageId));
    expect(newLinks.map((l) => [l.source.stageId, l.target.stageId])).toEqual([
      [pasted[0], pasted[1]],
      [pasted[1], pasted[2]],
    ]);
    expect(ed.state().selectedNodeIds).toEqual(pasted);

    ed.state().undo();
    expect(ed.state().document()).toEqual(before);
    ed.state().redo();
    expect(ed.state().document()).toEqual(doc);
  });

  it('pastes into another flow and does not share config objects with the source', () => {
    const { ed, filter } = chainEditor();
    ed.state().updateStageConfig(filter, { condition: "status = 'paid'" });
    ed.select([filter]);
    const text = JSON.stringify(ed.state().copySelection());
    const other = createTestEditor();
    const clip = parseStageClipboard(text);
    if (!clip) throw new Error('clipboard not read');
    const [id] = other.state().pasteStages(clip);
    other.state().updateStageConfig(id ?? '', { condition: 'true' });
    expect(other.state().document().stages[0]).toMatchObject({
      id: 'filter-1',
      label: 'Filter',
      position: { x: 340, y: 40 },
    });
    expect(clip.stages[0]?.config).toMatchObject({ condition: "status = 'paid'" });
  });

  it('duplicates the selection beside it in one undo step', () => {
    const { ed, source, filter } = chainEditor();
    ed.select([source, filter]);
    const before = ed.state().document();
    const copies = ed.state().duplicateSelection();
    const doc = ed.state().document();
    expect(doc.stages).toHaveLength(6);
    expect(doc.links).toHaveLength(3);
    expect(doc.stages.find((s) => s.id === copies[0])?.position).toEqual({ x: 40, y: 40 });
    ed.state().undo();
    expect(ed.state().document()).toEqual(before);
    ed.select([]);
    expect(ed.state().duplicateSelection()).toEqual([]);
    expect(ed.state().past).toHaveLength(before.stages.length + before.links.length + 1);
  });

  it('reads only well-formed stage payloads from the clipboard', () => {
    const { ed, source, filter } = chainEditor();
    ed.select([source, filter]);
    const clip = ed.state().copySelection();
    expect(parseStageClipboard('just some text')).toBeUndefined();
    expect(parseStageClipboard('{"stages": []}')).toBeUndefined();
    expect(parseStageClipboard(JSON.stringify({ ...clip, schemaVersion: 99 }))).toBeUndefined();
    const dangling = { ...clip, stages: clip?.stages.slice(0, 1) };
    expect(parseStageClipboard(JSON.stringify(dangling))).toBeUndefined();
  });
});
