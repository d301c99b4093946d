import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { RelationNode } from '@sluice/stages';
import { input } from '@sluice/stages';

import type { StepContext } from './rule';
import { REVENUE_SQL, stage, transformFlow } from '../../test/build-flow';
import { analyzeFlow } from '../analyze-flow';
import { stagedFrom } from '../compile-flow';
import { getDialect } from '../dialects';
import { stepsForStage } from './materialise';
import { selectAll } from './select-query';

/** The transform's output read by a filter on `condition`, written to `out`. */
function filteredAfter(sql: string, condition: string, only?: 'a'): FlowDocument {
  const doc = transformFlow(sql, only);
  return {
    ...doc,
    stages: [...doc.stages, stage('f', 'filter', { condition })],
    links: [
      ...doc.links.filter((l) => l.target.stageId !== 'dest'),
      {
        id: 'sql-f',
        source: { stageId: 'sql', port: 'out' },
        target: { stageId: 'f', port: 'in' },
      },
      {
        id: 'f-dest',
        source: { stageId: 'f', port: 'out' },
        target: { stageId: 'dest', port: 'in' },
      },
    ],
  };
}

const problems = (doc: FlowDocument) =>
  analyzeFlow(doc).diagnostics.map((d) => [d.code, d.stageId, d.path, d.message]);

describe('a SQL transform in a flow', () => {
  it('runs with input b unlinked, and is marked when input a is', () => {
    expect(problems(transformFlow('SELECT * FROM a', 'a'))).toEqual([]);
    const doc = transformFlow('SELECT * FROM a', 'a');
    const unlinked = { ...doc, links: doc.links.filter((l) => l.target.port !== 'a') };
    expect(problems(unlinked)).toContainEqual([
      'missing-input',
      'sql',
      undefined,
      'Input "a" is not connected. Link a stage into it.',
    ]);
  });

  it('gives the stages after it the columns its select list names', () => {
    const analysis = analyzeFlow(transformFlow(REVENUE_SQL));
    expect(analysis.columns.sql).toEqual([
      { name: 'country', type: 'VARCHAR' },
      { name: 'orders' },
      { name: 'revenue' },
    ]);
    expect(problems(filteredAfter(REVENUE_SQL, 'revenu > 10'))).toEqual([
      ['unknown-column', 'f', ['condition'], 'Unknown column "revenu"; did you mean "revenue"?'],
    ]);
  });

  it('marks its SELECT field: a table that is no input, a column no input has', () => {
    expect(problems(transformFlow('SELECT * FROM c'))).toEqual([
      [
        'invalid-sql',
        'sql',
        ['sql'],
        '"c" is not an input of this stage: a SQL transform reads only its linked inputs, as tables named by their ports (a, b).',
      ],
    ]);
    expect(problems(transformFlow('SELECT b.contry FROM b'))).toEqual([
      ['unknown-column', 'sql', ['sql'], 'Unknown column "contry"; did you mean "country"?'],
    ]);
  });

  it('warns on its field, and checks nothing downstream, where an output name is unknown', () => {
    const doc = filteredAfter(
      'SELECT customer, sum(amount) FROM a GROUP BY customer',
      'x > 1',
      'a',
    );
    expect(problems(doc).map(([code, stageId]) => [code, stageId])).toEqual([
      ['unchecked-sql', 'sql'],
    ]);
  });
});

describe('rendering a SQL transform', () => {
  const context: StepContext = {
    stageId: 's',
    dialect: getDialect('duckdb'),
    runTag: 'r1',
    resolveFile: () => '/dev/null',
    tableExists: () => undefined,
    definitionOf: () => undefined,
    relationOf: (port, alias) => stagedFrom(getDialect('duckdb'), `staged_${port}`, alias),
    queryOf: (port) => selectAll(stagedFrom(getDialect('duckdb'), `staged_${port}`)),
    columnsOf: () => undefined,
  };
  const select: RelationNode = {
    op: 'user-select',
    inputs: { a: input('a') },
    sql: '  SELECT id FROM a ORDER BY id\n',
    path: ['sql'],
  };

  it('is a derived table once another operator of the stage adds a clause to it', () => {
    const filtered: RelationNode = {
      op: 'filter',
      input: select,
      condition: { kind: 'sql', sql: 'id > 1', path: ['condition'] },
    };
    expect(stepsForStage(select, context).steps.map((s) => s.sql)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS WITH "a" AS (SELECT * FROM "staged_a") SELECT id FROM a ORDER BY id',
    ]);
    expect(stepsForStage(filtered, context).steps.map((s) => s.sql)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS SELECT * FROM (WITH "a" AS (SELECT * FROM "staged_a") SELECT id FROM a ORDER BY id) AS "__sluice_in" WHERE (id > 1)',
    ]);
  });
});
