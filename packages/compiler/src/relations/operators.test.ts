import { describe, expect, it } from 'vitest';

import type { AggregateNode, RelationNode, StageNode } from '@sluice/stages';
import { input } from '@sluice/stages';

import type { QueryRule, StepContext } from './rule';
import { stagedFrom } from '../compile-flow';
import { getDialect } from '../dialects';
import { nodeSqlDiagnostics } from '../node-sql';
import { stepsForStage } from './materialise';
import { NODE_RULES, ruleOf } from './operators';
import { selectAll } from './select-query';

const sql = (text: string, path: (string | number)[]) => ({
  kind: 'sql' as const,
  sql: text,
  path,
});

/** A rule of the test's own for an operator, listed in a table of the test's own. */
const aggregateRule: QueryRule<AggregateNode> = {
  kind: 'query',
  expressions: (node) => [
    ...node.groupBy.map((expr) => ({ expr, over: node.input })),
    ...node.aggregates.flatMap(({ expr }) => (expr ? [{ expr, over: node.input }] : [])),
  ],
  columns: (node) => node.aggregates.map(({ as }) => ({ name: as })),
  render: (_node, ctx) => selectAll(ctx.source('in')),
};

describe('the operator table', () => {
  const aggregate: AggregateNode = {
    op: 'aggregate',
    input: input('in'),
    groupBy: [sql('contry', ['groupBy', 0])],
    aggregates: [{ fn: 'sum', expr: sql('pg_sleep(5)', ['aggregates', 0, 'expr']), as: 'total' }],
  };
  const inputs = { in: [{ name: 'country' }, { name: 'amount' }] };

  it("checks a new operator's expressions once it is listed, with no change to the checker", () => {
    const rules = { ...NODE_RULES, aggregate: aggregateRule };
    const found = nodeSqlDiagnostics({ stageId: 'agg', node: aggregate, inputs }, { rules });
    expect(found.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unknown-column', 'agg', ['groupBy', 0]],
      ['invalid-sql', 'agg', ['aggregates', 0, 'expr']],
    ]);
    expect(found[0]?.message).toContain('country');
  });

  it('checks the expressions of every relation under a stage, against that relation', () => {
    const node: RelationNode = {
      op: 'filter',
      input: {
        op: 'project',
        input: input('in'),
        columns: [{ expr: sql('amount * 2', ['columns', 0]), as: 'doubled' }],
      },
      condition: sql('amount > 0', ['condition']),
    };
    const found = nodeSqlDiagnostics({ stageId: 's', node, inputs });
    expect(found.map((d) => [d.code, d.path])).toEqual([['unknown-column', ['condition']]]);
  });

  it('refuses to compile an operator its table has no rule for', () => {
    expect(() => ruleOf(aggregate, {})).toThrow(
      'The compiler has no rule for the "aggregate" operator.',
    );
  });
});

describe('rendering a relation', () => {
  const context = (dialect: 'duckdb' | 'mysql'): StepContext => ({
    stageId: 's',
    dialect: getDialect(dialect),
    runTag: 'r1',
    resolveFile: () => '/dev/null',
    tableExists: () => undefined,
    definitionOf: () => undefined,
    relationOf: (port, alias) => stagedFrom(getDialect(dialect), `staged_${port}`, alias),
    queryOf: (port) => selectAll(stagedFrom(getDialect(dialect), `staged_${port}`)),
    columnsOf: () => undefined,
  });
  const viewOf = (node: StageNode, dialect: 'duckdb' | 'mysql' = 'duckdb') =>
    stepsForStage(node, context(dialect)).steps.map((step) => step.sql);

  it('adds a clause to the query below when SQL applies it later, and wraps it otherwise', () => {
    const project: RelationNode = {
      op: 'project',
      input: { op: 'filter', input: input('in'), condition: sql('a > 0', ['condition']) },
      columns: [{ expr: { kind: 'column', name: 'a', path: ['columns', 0] }, as: 'b' }],
    };
    expect(viewOf(project)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS SELECT "a" AS "b" FROM "staged_in" WHERE (a > 0)',
    ]);
    const filter: RelationNode = { op: 'filter', input: project, condition: sql('b < 9', ['c']) };
    expect(viewOf(filter, 'mysql')).toEqual([
      'CREATE TABLE `__sluice_r1_s` AS SELECT * FROM (SELECT `a` AS `b` FROM `staged_in` WHERE (a > 0)) AS `__sluice_in` WHERE (b < 9)',
    ]);
  });

  it('groups after a filter in one query, and wraps a grouped query for a filter after it', () => {
    const grouped: RelationNode = {
      op: 'aggregate',
      input: { op: 'filter', input: input('in'), condition: sql('a > 0', ['condition']) },
      groupBy: [{ kind: 'column', name: 'k', path: ['groupBy', 0] }],
      aggregates: [{ fn: 'count', as: 'n' }],
    };
    expect(viewOf(grouped)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS SELECT "k", count(*) AS "n" FROM "staged_in" WHERE (a > 0) GROUP BY "k"',
    ]);
    const filtered: RelationNode = { op: 'filter', input: grouped, condition: sql('n > 1', ['c']) };
    expect(viewOf(filtered)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS SELECT * FROM (SELECT "k", count(*) AS "n" FROM "staged_in" WHERE (a > 0) GROUP BY "k") AS "__sluice_in" WHERE (n > 1)',
    ]);
    const sorted: RelationNode = {
      op: 'sort',
      input: grouped,
      keys: [
        {
          expr: { kind: 'column', name: 'n', path: ['keys', 0] },
          direction: 'desc',
          nulls: 'last',
        },
      ],
    };
    expect(viewOf(sorted)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS SELECT "k", count(*) AS "n" FROM "staged_in" WHERE (a > 0) GROUP BY "k" ORDER BY "n" DESC NULLS LAST',
    ]);
  });

  it('wraps a union branch that carries its own ORDER BY or LIMIT', () => {
    const top: RelationNode = { op: 'limit', input: input('first'), count: 5, offset: 0 };
    const union: RelationNode = { op: 'union', inputs: [top, input('second')], all: true };
    expect(viewOf(union, 'mysql')).toEqual([
      'CREATE TABLE `__sluice_r1_s` AS SELECT * FROM (SELECT * FROM (SELECT * FROM `staged_first` LIMIT 5) AS `__sluice_in` UNION ALL SELECT * FROM `staged_second`) AS `__sluice_in`',
    ]);
  });

  it('joins a second filter to the first with AND', () => {
    const inner: RelationNode = { op: 'filter', input: input('in'), condition: sql('a', ['x']) };
    const outer: RelationNode = { op: 'filter', input: inner, condition: sql('b', ['y']) };
    expect(viewOf(outer)).toEqual([
      'CREATE TABLE "__sluice_r1_s" AS SELECT * FROM "staged_in" WHERE (a) AND (b)',
    ]);
  });
});
