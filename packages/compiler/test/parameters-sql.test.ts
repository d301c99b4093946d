import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { FlowDocumentSchema } from '@sluice/flow';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow } from '../src';
import { DUCKDB, MARIADB, MATRIXONE_4 } from './build-flow';

/** The flow the README's Parameters section shows: path, condition and table name parameterised. */
const monthly: FlowDocument = FlowDocumentSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../samples/orders-by-month.flow.json', import.meta.url), 'utf8'),
  ),
);

/** A filter over the monthly orders whose condition is given, with one `note` text parameter. */
function withCondition(condition: string): FlowDocument {
  return {
    ...monthly,
    parameters: [...(monthly.parameters ?? []), { name: 'note', type: 'string', default: '' }],
    stages: monthly.stages.map((s) => (s.id === 'recent' ? { ...s, config: { condition } } : s)),
  };
}

function sqlOf(doc: FlowDocument, target: TargetProfile, values = {}): string[] {
  const analysis = analyzeFlow(doc, { parameters: { dialect: target.dialect, values } });
  const { plan, diagnostics } = compileFlow(analysis, {
    target,
    runTag: 'r1',
    resolveFile: (ref) => `/files/${ref.path}`,
    existingTables: [],
  });
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan.steps.map((step) => step.sql);
}

const HOSTILE = `it's \\' */ ; DROP TABLE orders; --`;

describe('parameters in compiled SQL', () => {
  it('puts the month into the path and the table name, and typed literals into the condition (DuckDB)', () => {
    const sql = sqlOf(monthly, DUCKDB, { month: '2026-10', min_amount: '99.5' }).join('\n');
    expect(sql).toContain(`read_csv('/files/orders-2026-10.csv'`);
    expect(sql).toContain(`WHERE (ordered_at >= DATE '2026-10-20' AND amount >= 99.5)`);
    expect(sql).toContain('"orders_2026-10"');
  });

  it.each([
    [DUCKDB, `E'it''s \\\\'' */ ; DROP TABLE orders; --'`],
    [MARIADB, `'it''s \\\\'' */ ; DROP TABLE orders; --'`],
    [MATRIXONE_4, `'it''s \\\\'' */ ; DROP TABLE orders; --'`],
  ])('writes a hostile text as one escaped literal on %o', (target, literal) => {
    const doc = withCondition('customer <> ${note}');
    const sql = sqlOf(doc, target, { note: HOSTILE }).join('\n');
    expect(sql).toContain(`WHERE (customer <> ${literal})`);
  });

  it.each([DUCKDB, MARIADB])(
    'writes negative numbers in parentheses so no -- comment forms (%o)',
    (target) => {
      const doc: FlowDocument = {
        ...withCondition('amount-${min_amount} > 0'),
      };
      const sql = sqlOf(doc, target, { min_amount: '-5' }).join('\n');
      expect(sql).toContain('WHERE (amount-(-5) > 0)');
    },
  );

  it('writes booleans and integers as SQL keywords and digits', () => {
    const doc: FlowDocument = {
      ...withCondition('(${flag} OR order_id = ${id})'),
      parameters: [
        { name: 'flag', type: 'boolean', default: false },
        { name: 'id', type: 'integer', default: 1 },
        ...(monthly.parameters ?? []),
      ],
    };
    expect(sqlOf(doc, MARIADB, { flag: 'true', id: '42' }).join('\n')).toContain(
      'WHERE ((TRUE OR order_id = 42))',
    );
  });
});

describe('parameter diagnostics', () => {
  const diagnosticsOf = (doc: FlowDocument, values = {}) =>
    analyzeFlow(doc, { parameters: { dialect: 'mysql', values } }).diagnostics.filter(
      (d) => d.severity === 'error',
    );

  it('marks an unknown reference on its field', () => {
    expect(diagnosticsOf(withCondition('amount > ${limit}'))).toEqual([
      {
        code: 'unknown-parameter',
        severity: 'error',
        message: "Unknown parameter ${limit}: declare it in the flow's parameters.",
        stageId: 'recent',
        path: ['condition'],
      },
    ]);
  });

  it('refuses a reference inside quotes, where its literal would be pasted into a text', () => {
    const [problem, ...others] = diagnosticsOf(withCondition("customer = '${note}'"));
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ code: 'misplaced-parameter', path: ['condition'] });
    expect(problem?.message).toContain('write it outside quotes');
  });

  it('leaves ${…} inside quotes as text when it names no parameter', () => {
    const doc = withCondition("customer <> '${not_a_parameter}'");
    expect(diagnosticsOf(doc)).toEqual([]);
    expect(sqlOf(doc, MARIADB).join('\n')).toContain("WHERE (customer <> '${not_a_parameter}')");
  });

  it('refuses a table-name value that is not letters, digits, _ or -', () => {
    const [problem] = diagnosticsOf(monthly, { month: 'x"; DROP' });
    expect(problem).toMatchObject({
      code: 'misplaced-parameter',
      stageId: 'monthly',
      path: ['table'],
    });
  });

  it('judges a substituted path by the path rules', () => {
    const problems = diagnosticsOf(monthly, { month: '../../etc/passwd' }).filter(
      (d) => d.stageId === 'orders',
    );
    expect(problems.map((d) => [d.path, d.message])).toEqual([
      [['path'], 'The path must stay inside the external stage (no ".." segments).'],
    ]);
  });

  it('names a value that does not read as its type', () => {
    expect(diagnosticsOf(monthly, { since: 'yesterday' }).map((d) => d.message)).toEqual([
      'Parameter "since" (date): Expected a date written YYYY-MM-DD, not "yesterday"',
    ]);
  });

  it('refuses to compile for another dialect than the literals were written for', () => {
    const analysis = analyzeFlow(monthly, { parameters: { dialect: 'duckdb' } });
    expect(() => compileFlow(analysis, { target: MARIADB, runTag: 'r1' })).toThrow(
      'bound for duckdb',
    );
  });
});

describe("the README's Parameters example", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Parameters'));
  const shown = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '{}') as {
    parameters: { name: string; type: string; default: unknown }[];
    stages: { id: string; type: string; config: Record<string, unknown> }[];
  };

  it('shows the parameters and parameterised fields of the sample flow', () => {
    expect(shown.parameters).toEqual(
      monthly.parameters?.map(({ name, type, default: value }) => ({ name, type, default: value })),
    );
    for (const stage of shown.stages) {
      const sample = monthly.stages.find((s) => s.id === stage.id);
      expect(sample?.type).toBe(stage.type);
      for (const [key, value] of Object.entries(stage.config)) {
        if (key !== '…') expect(sample?.config[key]).toBe(value);
      }
    }
  });

  it('compiles to the condition and table it says', () => {
    const sql = sqlOf(monthly, DUCKDB, { since: '2026-11-10', min_amount: 300 }).join('\n');
    const said = /its filter runs as\s+`([^`]+)`/.exec(section)?.[1];
    expect(said).toBe("ordered_at >= DATE '2026-11-10' AND amount >= 300");
    expect(sql).toContain(`WHERE (${said ?? ''})`);
    expect(sql).toContain('"orders_2026-11"');
  });

  it('writes a parameter in a SQL statement executor as an escaped literal', () => {
    const doc: FlowDocument = {
      ...withCondition('amount > 0'),
      stages: [
        ...withCondition('amount > 0').stages,
        {
          id: 'mark',
          type: 'sql-statement',
          typeVersion: 1,
          label: 'Mark',
          position: { x: 0, y: 0 },
          config: { sql: 'UPDATE loads SET note = ${note}', runs: 'after-commit' },
        },
      ],
      links: [
        ...monthly.links,
        {
          id: 'l3',
          source: { stageId: 'monthly', port: 'done' },
          target: { stageId: 'mark', port: 'after' },
        },
      ],
    };
    const sql = sqlOf(doc, MARIADB, { note: HOSTILE });
    expect(sql).toContain(`UPDATE loads SET note = 'it''s \\\\'' */ ; DROP TABLE orders; --'`);
  });
});
