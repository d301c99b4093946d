import { describe, expect, it } from 'vitest';

import { createTestEditor } from './test-editor';

/** A chain drawn backwards: each stage sits left of and below the one feeding it. */
function tangledEditor() {
  const ed = createTestEditor();
  const source = ed.add('file-source', 900, 0);
  const filter = ed.add('filter', 400, 300);
  const select = ed.add('select-columns', 0, 600);
  const sink = ed.add('file-export', 200, 100);
  ed.link(source, filter);
  ed.link(filter, select);
  ed.link(select, sink);
  return { ed, chain: [source, filter, select, sink] };
}

const positionOf = (ed: ReturnType<typeof createTestEditor>, id: string) =>
  ed
    .state()
    .document()
    .stages.find((s) => s.id === id)?.position ?? { x: NaN, y: NaN };

describe('layout', () => {
  it('lays stages out left to right along the links, in one undo step', () => {
    const { ed, chain } = tangledEditor();
    const before = ed.state().document();
    ed.state().autoLayout();
    const xs = chain.map((id) => positionOf(ed, id).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(chain.length);
    expect(new Set(chain.map((id) => positionOf(ed, id).y)).size).toBe(1);
    expect(Math.min(...xs)).toBe(0);
    ed.state().undo();
    expect(ed.state().document()).toEqual(before);
  });

  it('inserts a stage dropped on a link into it, in one undo step', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const sink = ed.add('file-export', 600);
    ed.link(source, sink);
    const before = ed.state().document();
    const [linkId] = before.links.map((l) => l.id);
    const filter = ed.state().insertStageIntoLink('filter', { x: 300, y: 0 }, linkId ?? '');
    const pairs = ed
      .state()
      .document()
      .links.map((l) => [l.source.stageId, l.target.stageId]);
    expect(pairs).toEqual([
      [source, filter],
      [filter, sink],
    ]);
    expect(ed.state().selectedNodeIds).toEqual([filter]);
    ed.state().undo();
    expect(ed.state().document()).toEqual(before);
  });

  it('adds a stage without an input beside a link instead of splitting it', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const sink = ed.add('file-export', 600);
    ed.link(source, sink);
    const [linkId] = ed
      .state()
      .document()
      .links.map((l) => l.id);
    ed.state().insertStageIntoLink('file-source', { x: 300, y: 0 }, linkId ?? '');
    expect(ed.state().document().stages).toHaveLength(3);
    expect(
      ed
        .state()
        .document()
        .links.map((l) => l.id),
    ).toEqual([linkId]);
  });
});
