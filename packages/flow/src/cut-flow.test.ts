import { describe, expect, it } from 'vitest';

import { graphDocument, link } from '../test/graph-documents';
import { cutFlow, upstreamOf } from './cut-flow';

/** a → f → t1 and f → t2; b → j ← f (a join of b and f) → t3. */
const doc = graphDocument(
  ['a', 'b', 'f', 'j', 't1', 't2', 't3'],
  [
    link('a', 'f'),
    link('f', 't1'),
    link('f', 't2'),
    link('f', 'j', 'left'),
    link('b', 'j', 'right'),
    link('j', 't3'),
  ],
);

describe('upstreamOf', () => {
  it('keeps only the selection and what feeds it, in document order', () => {
    expect(upstreamOf(doc, ['f'])).toEqual(['a', 'f']);
  });

  it('leaves out destinations downstream of the selection', () => {
    expect(upstreamOf(doc, ['t1'])).toEqual(['a', 'f', 't1']);
  });

  it('unites the upstream of several selected stages', () => {
    expect(upstreamOf(doc, ['t1', 'j'])).toEqual(['a', 'b', 'f', 'j', 't1']);
  });
});

describe('cutFlow', () => {
  it('drops the other stages and every link touching them', () => {
    const cut = cutFlow(doc, ['t1']);
    expect(cut.ok && cut.flow.stages.map((s) => s.id)).toEqual(['a', 'f', 't1']);
    expect(cut.ok && cut.flow.links.map((l) => l.id)).toEqual(['a-f-in', 'f-t1-in']);
    expect(cut.ok && cut.flow.schemaVersion).toBe(1);
  });

  it('names selected ids that are no stage of the flow', () => {
    expect(cutFlow(doc, ['t1', 'gone'])).toEqual({ ok: false, unknown: ['gone'] });
  });
});
