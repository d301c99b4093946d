import { describe, expect, it } from 'vitest';

import type { FlowDocument } from './flow-schema';
import { graphDocument, link, stage } from '../test/graph-documents';
import { changedPaths, diffFlows } from './flow-diff';

const withStage = (
  doc: FlowDocument,
  id: string,
  change: Partial<FlowDocument['stages'][number]>,
): FlowDocument => ({
  ...doc,
  stages: doc.stages.map((s) => (s.id === id ? { ...s, ...change } : s)),
});

describe('diffFlows', () => {
  const before: FlowDocument = {
    ...graphDocument(['a', 'b', 'c'], [link('a', 'b'), link('b', 'c')]),
    stages: [
      stage('a'),
      { ...stage('b'), config: { condition: 'x > 1', columns: [{ name: 'n', expression: '1' }] } },
      stage('c'),
    ],
  };

  it('finds nothing between a document and itself', () => {
    const diff = diffFlows(before, JSON.parse(JSON.stringify(before)) as FlowDocument);
    expect(diff.size).toBe(0);
    expect(diff.stages).toEqual({ added: [], removed: [], moved: [], changed: [] });
  });

  it('lists added, removed and moved stages and the links that came and went', () => {
    const after: FlowDocument = {
      ...withStage(before, 'a', { position: { x: 40, y: 0 } }),
      stages: [
        { ...stage('a'), position: { x: 40, y: 0 } },
        before.stages[1] ?? stage('b'),
        stage('d'),
      ],
      links: [link('a', 'b'), link('b', 'd')],
    };
    const diff = diffFlows(before, after);
    expect(diff.stages.added).toEqual(['d']);
    expect(diff.stages.removed.map((s) => s.id)).toEqual(['c']);
    expect(diff.stages.moved).toEqual(['a']);
    expect(diff.stages.changed).toEqual([]);
    expect(diff.links.added.map((l) => l.id)).toEqual(['b-d-in']);
    expect(diff.links.removed.map((l) => l.id)).toEqual(['b-c-in']);
    expect(diff.size).toBe(5);
  });

  it('names the config fields, label and description a stage changed', () => {
    const after = withStage(before, 'b', {
      label: 'Big orders',
      description: 'Only the big ones',
      config: { condition: 'x > 100', columns: [{ name: 'n', expression: '2' }, { name: 'm' }] },
    });
    const [change, ...others] = diffFlows(before, after).stages.changed;
    expect(others).toEqual([]);
    expect(change).toEqual({
      stageId: 'b',
      configPaths: [['condition'], ['columns', 0, 'expression'], ['columns', 1]],
      label: { from: 'b', to: 'Big orders' },
      description: { from: '', to: 'Only the big ones' },
    });
  });

  it('counts a stage that moved and changed once in the size', () => {
    const after = withStage(before, 'b', { position: { x: 9, y: 9 }, label: 'B' });
    const diff = diffFlows(before, after);
    expect(diff.stages.moved).toEqual(['b']);
    expect(diff.stages.changed.map((c) => c.stageId)).toEqual(['b']);
    expect(diff.size).toBe(1);
  });

  it('matches links by the ports they join, not by id', () => {
    const after = { ...before, links: before.links.map((l) => ({ ...l, id: `${l.id}-again` })) };
    expect(diffFlows(before, after).links).toEqual({ added: [], removed: [] });
  });

  it('lists notes and parameters that were added, removed or changed', () => {
    const note = { id: 'n1', position: { x: 0, y: 0 }, text: 'why' };
    const day = { name: 'day', type: 'date' as const, default: '2026-01-01' };
    const from = { ...before, notes: [note], parameters: [day] };
    const to = {
      ...before,
      notes: [
        { ...note, text: 'because' },
        { ...note, id: 'n2' },
      ],
      parameters: [
        { ...day, default: '2026-02-01' },
        { name: 'n', type: 'integer' as const, default: 1 },
      ],
    };
    const diff = diffFlows(from, to);
    expect(diff.notes).toEqual({ added: ['n2'], removed: [], changed: ['n1'] });
    expect(diff.parameters).toEqual({ added: ['n'], removed: [], changed: ['day'] });
    expect(diff.size).toBe(4);
  });
});

describe('changedPaths', () => {
  it('reports a value that changed kind at its own path', () => {
    expect(changedPaths({ a: [1, 2] }, { a: 'x' })).toEqual([['a']]);
    expect(changedPaths({ a: { b: 1 } }, {})).toEqual([['a']]);
  });
});
