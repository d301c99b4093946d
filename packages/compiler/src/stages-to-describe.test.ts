import { describe, expect, it } from 'vitest';

import { flow, stage } from '../test/build-flow';
import { analyzeFlow } from './analyze-flow';
import { describeRequests, stagesToDescribe } from './stages-to-describe';

const source = stage('src', 'file-source', {
  path: 'orders.csv',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'amount', type: 'DOUBLE' },
  ],
});

function withTransform(sql: string) {
  const doc = flow(
    [source, stage('sql', 'sql-transform', { sql }), stage('f', 'filter', { condition: 'TRUE' })],
    ['sql->f'],
  );
  const into = {
    id: 'src-a',
    source: { stageId: 'src', port: 'out' },
    target: { stageId: 'sql', port: 'a' },
  };
  return analyzeFlow({ ...doc, links: [into, ...doc.links] });
}

describe('stages to describe', () => {
  it('lists a SQL transform whose select list names a column only the target can tell', () => {
    const analysis = withTransform('SELECT id, amount * 2 FROM a');
    expect(analysis.columns.sql).toBeUndefined();
    expect(stagesToDescribe(analysis)).toEqual(['sql']);
  });

  it('leaves out stages whose columns the compiler derives, and those after them', () => {
    expect(stagesToDescribe(withTransform('SELECT id, amount * 2 AS twice FROM a'))).toEqual([]);
  });

  it('stays listed once the target has answered, so the answer is kept', () => {
    const doc = withTransform('SELECT id, amount * 2 FROM a').document;
    const answered = analyzeFlow(doc, {
      detectedColumns: { sql: [{ name: 'id' }, { name: '(amount * 2)' }] },
    });
    expect(answered.columns.sql).toEqual([{ name: 'id' }, { name: '(amount * 2)' }]);
    expect(stagesToDescribe(answered)).toEqual(['sql']);
  });

  it('asks for each one with the flow cut to it, without notes', () => {
    const analysis = withTransform('SELECT id, amount * 2 FROM a');
    const note = { id: 'n', position: { x: 0, y: 0 }, text: 'why' };
    const noted = analyzeFlow({ ...analysis.document, notes: [note] });
    const [request, ...others] = describeRequests(noted);
    expect(others).toEqual([]);
    expect(request?.stageId).toBe('sql');
    expect(request?.document.stages.map((s) => s.id)).toEqual(['src', 'sql']);
    expect(request?.document).not.toHaveProperty('notes');
  });

  it("lists a SQL query origin, whose columns are always the target's, and no other origin", () => {
    const doc = flow(
      [
        stage('q', 'sql-query', { sql: 'SELECT id FROM orders' }),
        stage('t', 'table-source', { table: 'orders' }),
        stage('g', 'row-generator', {
          rows: 3,
          seed: 1,
          columns: [{ name: 'id', kind: 'sequence', start: 1, step: 1 }],
        }),
        source,
      ],
      [],
    );
    expect(stagesToDescribe(analyzeFlow(doc))).toEqual(['q']);
  });
});
