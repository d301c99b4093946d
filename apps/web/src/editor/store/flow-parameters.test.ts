import { describe, expect, it } from 'vitest';

import { createTestEditor } from './test-editor';

const month = { name: 'month', type: 'string' as const, default: '2026-11' };
const top = { name: 'top', type: 'integer' as const, default: 3 };

describe('flow parameters in the editor', () => {
  it('keeps declared parameters in the document, as one undo step', () => {
    const ed = createTestEditor();
    ed.state().setParameters([month]);
    expect(ed.state().document().parameters).toEqual([month]);
    expect(ed.state().isDirty).toBe(true);
    ed.state().undo();
    expect(ed.state().document().parameters).toBeUndefined();
    ed.state().redo();
    expect(ed.state().document().parameters).toEqual([month]);
  });

  it('marks an undeclared reference on its field until it is declared', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    ed.state().updateStageConfig(filter, { condition: 'n > ${top}' });
    const unknown = (d: { code: string; stageId?: string }) =>
      d.code === 'unknown-parameter' && d.stageId === filter;
    expect(ed.state().diagnostics.filter(unknown)).toHaveLength(1);
    ed.state().setParameters([top]);
    expect(ed.state().diagnostics.filter(unknown)).toEqual([]);
  });

  it('previews and diagnoses with the values chosen last, dropping those of removed parameters', () => {
    const ed = createTestEditor();
    ed.state().setParameters([month, top]);
    ed.state().setParameterValues({ month: '2026-10', top: '7' });
    ed.state().setParameters([top]);
    const source = ed.add('file-source');
    ed.state().selectStage(source);
    ed.state().previewSelection();
    expect(ed.state().previewRequest?.parameters).toEqual({ top: '7' });
    expect(ed.state().diagnostics.filter((d) => d.message.includes('no parameter'))).toEqual([]);
  });
});
