import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { diffFlows } from '@sluice/flow';

import { compareElements, fieldPathLabel } from './compare-elements';

const stage = (id: string, condition: string, x = 0) => ({
  id,
  type: 'filter',
  typeVersion: 1,
  label: id,
  position: { x, y: 0 },
  config: { condition },
});
const link = (from: string, to: string) => ({
  id: `${from}-${to}`,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port: 'in' },
});

describe('compareElements', () => {
  it('marks the newer version’s stages and draws the removed ones as ghosts', () => {
    const from: FlowDocument = {
      schemaVersion: 1,
      stages: [stage('a', 'x > 1'), stage('b', 'x > 2')],
      links: [link('a', 'b')],
    };
    const to: FlowDocument = {
      schemaVersion: 1,
      stages: [stage('a', 'x > 5', 50), stage('c', 'y')],
      links: [link('a', 'c')],
    };
    const { nodes, edges } = compareElements(to, diffFlows(from, to));
    expect(nodes.map((n) => [n.id, n.data.marks])).toEqual([
      ['a', ['changed', 'moved']],
      ['c', ['added']],
      ['b', ['removed']],
    ]);
    expect(edges.map((e) => e.id)).toEqual(['to:a-c', 'removed:a-b']);
  });
});

describe('fieldPathLabel', () => {
  it('names a field by its label and list rows from 1', () => {
    expect(fieldPathLabel('filter', ['condition'])).toBe('Condition');
    expect(fieldPathLabel('derive', ['columns', 0, 'expression'])).toBe(
      'Columns › row 1 › expression',
    );
  });
});
