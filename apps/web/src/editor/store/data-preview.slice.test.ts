import { describe, expect, it } from 'vitest';

import { createTestEditor } from './test-editor';

describe('data preview', () => {
  it('previews the selected stage with the document as it is now, and again when asked again', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const filter = ed.add('filter');
    ed.link(source, filter);
    ed.state().selectStage(filter);
    expect(ed.state().previewSelection()).toBe(true);
    const first = ed.state().previewRequest;
    expect(first).toMatchObject({ stageId: filter, document: ed.state().document() });
    expect(ed.state().bottomTab).toBe('preview');
    ed.state().previewSelection();
    expect(ed.state().previewRequest?.serial).toBe((first?.serial ?? 0) + 1);
  });

  it('previews the source of the one selected link, and nothing without a selection', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const filter = ed.add('filter');
    ed.link(source, filter);
    ed.select([]);
    expect(ed.state().previewSelection()).toBe(false);
    expect(ed.state().previewRequest).toBeUndefined();
    ed.store.setState({ edges: ed.state().edges.map((e) => ({ ...e, selected: true })) });
    ed.state().syncSelection();
    expect(ed.state().previewSelection()).toBe(true);
    expect(ed.state().previewRequest?.stageId).toBe(source);
  });
});
