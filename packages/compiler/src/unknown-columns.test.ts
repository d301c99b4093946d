import { describe, expect, it } from 'vitest';

import { DUCKDB, flow, stage } from '../test/build-flow';
import { analyzeFlow } from './analyze-flow';
import { compileFlow } from './compile-flow';

const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'status', type: 'VARCHAR' },
  { name: 'Amount', type: 'DOUBLE' },
] as const;

const filtered = (condition: string, columns: readonly object[] = COLUMNS) =>
  flow(
    [
      stage('src', 'file-source', { columns }),
      stage('f', 'filter', { condition }),
      stage('d', 'table-destination'),
    ],
    ['src->f', 'f->d'],
  );

const columnProblems = (doc: ReturnType<typeof filtered>, detected = {}) =>
  analyzeFlow(doc, { detectedColumns: detected })
    .diagnostics.filter((d) => d.code === 'unknown-column')
    .map((d) => [d.stageId, d.path, d.severity, d.message]);

describe('unknown columns in a condition', () => {
  it('is an error on the condition field, offering the closest name', () => {
    expect(columnProblems(filtered("stauts = 'paid'"))).toEqual([
      ['f', ['condition'], 'error', 'Unknown column "stauts"; did you mean "status"?'],
    ]);
  });

  it('names every unknown column once, and lists the columns when none is close', () => {
    expect(columnProblems(filtered("stauts = 'paid' AND stauts <> 'x' AND zzz > 1"))).toEqual([
      ['f', ['condition'], 'error', 'Unknown column "stauts"; did you mean "status"?'],
      ['f', ['condition'], 'error', 'Unknown column "zzz". Available: id, status, Amount.'],
    ]);
  });

  it.each([
    "status = 'paid' AND amount > 0",
    'STATUS IS NOT NULL AND "AMOUNT" > 1',
    '`amount` > 1',
    'lower(status) = id::VARCHAR',
    'EXTRACT(year FROM current_date) = 2026 AND id > 0',
    't.nothing = 1',
    'CASE WHEN id > 1 THEN amount ELSE 0 END > 0',
    "(status = 'paid') IS UNKNOWN OR id < 0",
    "id < 0 OR current_date > DATE '2026-01-01' OR LOCALTIMESTAMP IS NULL",
  ])('accepts names the input has, compared as the targets do: %s', (condition) => {
    expect(columnProblems(filtered(condition))).toEqual([]);
  });

  describe('on an input a person would filter', () => {
    const INPUT = ['order_id', 'status', 'amount', 'd', 'tags', 's', 'x', 'y', 'quoted name'].map(
      (name) => ({ name, type: 'VARCHAR' }),
    );
    const problems = (condition: string) => columnProblems(filtered(condition, INPUT));

    it.each([
      'list_filter(tags, v -> v > 1) IS NOT NULL',
      'len(list_filter(tags, v -> v > amount)) > 0',
      'list_reduce(tags, (acc, v) -> acc + v) > 0',
      'list_reduce(tags, ( Acc , V ) -> acc + v) > 0',
      'list_filter(tags, lambda v: v > 1) IS NOT NULL',
      'list_reduce(tags, lambda Acc, v: acc + v) > 0',
      'rowid > 1',
      'd < CURRENT_DATE',
      'd < CURRENT_TIMESTAMP',
      'TRUE',
      'FALSE OR x IS NULL',
      'NULL IS NULL',
      'd > CURRENT_DATE - INTERVAL 1 DAY',
      "d > CURRENT_DATE - INTERVAL '1 day'",
      'CAST(x AS DATE) > d',
      'CAST(amount AS DECIMAL(10, 2)) > 1',
      'CAST(d AS TIMESTAMP WITH TIME ZONE) IS NULL',
      'x::DATE > d',
      'EXTRACT(year FROM d) = 2024',
      "CASE WHEN amount > 1 THEN 'big' ELSE 'small' END = 'big'",
      "TRIM(BOTH 'x' FROM s) = ''",
      "POSITION('a' IN s) > 0",
      "x IN ('a', 'b')",
      "status NOT IN ('paid')",
      "d = date '2024-01-01'",
      "d > TIMESTAMP '2024-01-01 00:00:00'",
      'x BETWEEN 1 AND 2',
      'x IS DISTINCT FROM y',
      'x IS TRUE',
      'COALESCE(x, y) > 1',
      "s LIKE 'a!%' ESCAPE '!'",
      '"quoted name" > 1',
      '"Quoted Name" > 1',
      '`quoted name` > 1',
      'order_id > 0',
      'CONVERT(x, CHAR) = s',
      'CONVERT(amount, SIGNED) > 1',
      'convert(d, date) = d',
    ])('reports no unknown column in %s', (condition) => {
      expect(problems(condition)).toEqual([]);
    });

    it.each([
      ["stauts = 'paid'", 'stauts', 'status'],
      ['list_filter(tags, v -> v > amout) IS NOT NULL', 'amout', 'amount'],
      ['list_reduce(tags, (acc, v) -> acc + amout) > 0', 'amout', 'amount'],
      ['list_filter(tags, lambda v: v > amout) IS NOT NULL', 'amout', 'amount'],
      ['list_reduce(tags, lambda acc, v: acc + amout) > 0', 'amout', 'amount'],
      ['CAST(amout AS DATE) IS NULL', 'amout', 'amount'],
      ['CONVERT(amout, SIGNED) > 1', 'amout', 'amount'],
      ["(stauts ->> '$.a') = 'x'", 'stauts', 'status'],
      ['"quoted nam" > 1', 'quoted nam', 'quoted name'],
    ])('still finds the mistyped column in %s', (condition, name, meant) => {
      expect(problems(condition)).toEqual([
        ['f', ['condition'], 'error', `Unknown column "${name}"; did you mean "${meant}"?`],
      ]);
    });
  });

  it('says nothing while the input columns are unknown, and checks once they are detected', () => {
    const doc = filtered("stauts = 'paid'", []);
    expect(columnProblems(doc)).toEqual([]);
    expect(columnProblems(doc, { src: [{ name: 'status' }] })).toEqual([
      ['f', ['condition'], 'error', 'Unknown column "stauts"; did you mean "status"?'],
    ]);
  });

  it('says nothing about text the parser cannot read', () => {
    expect(columnProblems(filtered('list_contains([1, 2], nope)'))).toEqual([]);
  });

  it('refuses to compile a run whose detected columns lack the name', () => {
    const { plan, diagnostics } = compileFlow(analyzeFlow(filtered("stauts = 'paid'", [])), {
      target: DUCKDB,
      runTag: 'r1',
      detectedColumns: { src: [{ name: 'status' }] },
    });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContain(
      'Unknown column "stauts"; did you mean "status"?',
    );
  });
});

describe('columns in derived expressions', () => {
  const derived = (columns: { name: string; expression: string }[]) =>
    flow(
      [
        stage('src', 'file-source', { columns: COLUMNS }),
        stage('dv', 'derive', { columns }),
        stage('d', 'table-destination'),
      ],
      ['src->dv', 'dv->d'],
    );
  const problems = (doc: ReturnType<typeof derived>) =>
    analyzeFlow(doc).diagnostics.map((d) => [d.code, d.stageId, d.path, d.message]);

  it('marks an unknown column at its row, offering the closest input column', () => {
    expect(problems(derived([{ name: 'net', expression: 'amunt * 0.8' }]))).toEqual([
      [
        'unknown-column',
        'dv',
        ['columns', 0, 'expression'],
        'Unknown column "amunt"; did you mean "Amount"?',
      ],
    ]);
  });

  it('says a column derived in the same stage is read only by a later stage', () => {
    const doc = derived([
      { name: 'net', expression: 'amount * 0.8' },
      { name: 'rounded', expression: 'round(net, 2)' },
      { name: 'Amount', expression: 'amount * 2' },
    ]);
    expect(problems(doc)).toEqual([
      [
        'invalid-sql',
        'dv',
        ['columns', 1, 'expression'],
        '"net" is computed by this same stage, and its expressions read only the input columns: compute "net" in a stage before this one.',
      ],
    ]);
  });
});
