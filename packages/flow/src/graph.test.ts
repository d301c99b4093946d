import { describe, expect, it } from 'vitest';

import { graphDocument as doc, link } from '../test/graph-documents';
import {
  AFTER_PORT,
  checkConnection,
  DONE_PORT,
  findCycle,
  linksInto,
  reachableStages,
  topologicalOrder,
  wouldCreateCycle,
} from './graph';

describe('topologicalOrder', () => {
  it('orders a diamond so every link points forward, stable by document order', () => {
    const flow = doc(
      ['d', 'a', 'c', 'b'],
      [link('a', 'b'), link('a', 'c'), link('b', 'd', 'left'), link('c', 'd', 'right')],
    );
    expect(topologicalOrder(flow)).toEqual({ ok: true, order: ['a', 'c', 'b', 'd'] });
  });

  it('reports the stages of a cycle', () => {
    const flow = doc(
      ['a', 'b', 'c', 'x'],
      [link('x', 'a'), link('a', 'b'), link('b', 'c'), link('c', 'a')],
    );
    expect(topologicalOrder(flow)).toEqual({ ok: false, cycle: ['a', 'b', 'c', 'a'] });
  });

  it('ignores links to stages that are not in the document', () => {
    expect(topologicalOrder(doc(['a'], [link('a', 'ghost')]))).toEqual({ ok: true, order: ['a'] });
  });
});

describe('findCycle', () => {
  it('finds a self-loop and returns nothing for a chain', () => {
    expect(findCycle(doc(['a'], [link('a', 'a')]))).toEqual(['a', 'a']);
    expect(findCycle(doc(['a', 'b', 'c'], [link('a', 'b'), link('b', 'c')]))).toBeUndefined();
  });
});

describe('wouldCreateCycle', () => {
  const links = [link('a', 'b'), link('b', 'c')];
  it.each([
    ['c', 'a', true],
    ['b', 'a', true],
    ['a', 'a', true],
    ['a', 'c', false],
    ['c', 'd', false],
  ])('%s -> %s closes a cycle: %s', (from, to, expected) => {
    expect(wouldCreateCycle(links, from, to)).toBe(expected);
  });
});

describe('checkConnection', () => {
  const ports = (id: string) =>
    id === 'src'
      ? { inputs: [], outputs: ['out'] }
      : id === 'sink'
        ? { inputs: ['in'], outputs: [] }
        : { inputs: ['in'], outputs: ['out'] };
  const flow = doc(['src', 'f', 'sink'], [link('src', 'f')]);
  const at = (stageId: string, port: string) => ({ stageId, port });

  it('accepts a link into a free input', () => {
    expect(
      checkConnection(flow, { source: at('f', 'out'), target: at('sink', 'in') }, ports),
    ).toEqual({ ok: true });
  });

  it.each([
    [{ source: at('f', 'out'), target: at('f', 'in') }, 'itself'],
    [{ source: at('sink', 'out'), target: at('f', 'in') }, 'not an output'],
    [{ source: at('f', 'out'), target: at('src', 'in') }, 'not an input'],
    [{ source: at('sink', 'in'), target: at('f', 'in') }, 'not an output'],
    [{ source: at('src', 'out'), target: at('f', 'in') }, 'already has a link'],
    [{ source: at('f', 'out'), target: at('ghost', 'in') }, 'known stages'],
  ])('refuses %j with a reason', (proposed, reason) => {
    const result = checkConnection(flow, proposed, (id) =>
      id === 'ghost' ? undefined : ports(id),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('lets an executor take many ordering links, and a done port link only into one', () => {
    const ordering = (id: string) =>
      id === 'run'
        ? { inputs: [AFTER_PORT], outputs: [DONE_PORT], many: [AFTER_PORT] }
        : { inputs: ['in'], outputs: ['out', DONE_PORT] };
    const linked = doc(
      ['a', 'b', 'run'],
      [{ ...link('a', 'run'), source: at('a', DONE_PORT), target: at('run', AFTER_PORT) }],
    );
    const second = { source: at('b', DONE_PORT), target: at('run', AFTER_PORT) };
    expect(checkConnection(linked, second, ordering)).toEqual({ ok: true });
    const rows = checkConnection(
      linked,
      { source: at('b', DONE_PORT), target: at('a', 'in') },
      ordering,
    );
    expect(rows).toEqual({
      ok: false,
      reason: 'This stage outputs no rows: link it to an executor only.',
    });
  });

  it('refuses a link that closes a cycle', () => {
    const chain = doc(['a', 'b'], [link('a', 'b')]);
    const result = checkConnection(
      chain,
      { source: at('b', 'out'), target: at('a', 'in') },
      () => ({ inputs: ['in'], outputs: ['out'] }),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'This link would create a cycle; flows run in one direction.',
    });
  });
});

describe('linksInto', () => {
  it('groups the links into each stage by input port', () => {
    const links = [
      link('a', 'j', 'left'),
      link('b', 'j', 'right'),
      link('c', 'j', 'left'),
      link('a', 'x'),
    ];
    const byStage = linksInto(links);
    expect([...byStage.keys()]).toEqual(['j', 'x']);
    const byPort = byStage.get('j');
    expect([...(byPort?.keys() ?? [])]).toEqual(['left', 'right']);
    expect(byPort?.get('left')?.map((l) => l.source.stageId)).toEqual(['a', 'c']);
  });
});

describe('reachableStages', () => {
  // a → b → d, c → d, d → e; f stands alone.
  const links = [link('a', 'b'), link('b', 'd'), link('c', 'd', 'right'), link('d', 'e')];

  it('finds every stage upstream of the start, the start included', () => {
    expect([...reachableStages(links, ['d'], 'upstream')].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('finds every stage downstream of several starts', () => {
    expect([...reachableStages(links, ['b', 'f'], 'downstream')].sort()).toEqual([
      'b',
      'd',
      'e',
      'f',
    ]);
  });
});
