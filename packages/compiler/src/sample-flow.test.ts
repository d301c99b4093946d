import { describe, expect, it } from 'vitest';

import type { Column } from '@sluice/stages';

import { DUCKDB, flow, MARIADB, MATRIXONE_4, stage } from '../test/build-flow';
import { analyzeFlow } from './analyze-flow';
import { compileSample } from './sample-flow';

const COLUMNS: Column[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'amount', type: 'DOUBLE' },
];

/** orders.csv → filter → table, with an export of the filter beside the table. */
function ordersFlow() {
  return flow(
    [
      stage('src', 'file-source', { path: 'orders.csv', columns: COLUMNS }),
      stage('paid', 'filter', { condition: 'amount > 0' }),
      stage('dest', 'table-destination', { table: 'paid_orders' }),
      stage('out', 'file-export', { path: 'paid.csv' }),
    ],
    ['src->paid', 'paid->dest', 'paid->out'],
  );
}

const resolveFile = () => '/data/orders.csv';

describe('compileSample', () => {
  it('loads the first rows of a file, stages the stages up to the previewed one, and bounds the SELECT', () => {
    const { plan, diagnostics } = compileSample(analyzeFlow(ordersFlow()), {
      target: DUCKDB,
      stageId: 'paid',
      runTag: 'abcd1234',
      resolveFile,
      sampleRows: 500,
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.steps.map((s) => [s.id, s.sql, s.inTransaction, s.rowsFrom])).toEqual([
      [
        'load:src',
        expect.stringMatching(
          /^CREATE TABLE "__sluice_abcd1234_src" AS SELECT \* FROM read_csv\('\/data\/orders\.csv'.* LIMIT 500$/,
        ),
        false,
        'changes',
      ],
      [
        'transform:paid',
        'CREATE TABLE "__sluice_abcd1234_paid" AS SELECT * FROM "__sluice_abcd1234_src" WHERE (amount > 0)',
        false,
        'changes',
      ],
    ]);
    expect(plan?.select).toBe('SELECT * FROM "__sluice_abcd1234_paid" LIMIT 100');
    expect(plan?.sources).toEqual(['src']);
    expect(plan?.cleanup.map((s) => s.sql)).toEqual([
      'DROP TABLE IF EXISTS "__sluice_abcd1234_paid"',
      'DROP TABLE IF EXISTS "__sluice_abcd1234_src"',
    ]);
  });

  it('compiles no destination or export, and previews what arrives at a destination', () => {
    const { plan } = compileSample(analyzeFlow(ordersFlow()), {
      target: DUCKDB,
      stageId: 'dest',
      runTag: 'abcd1234',
      resolveFile,
    });
    const sql = plan?.steps.map((s) => s.sql).join('\n') ?? '';
    expect(sql).not.toMatch(/paid_orders|COPY|INSERT|paid\.csv/);
    expect(plan?.steps.some((s) => s.files?.some((f) => f.mode === 'write'))).toBe(false);
    expect(plan?.select).toBe('SELECT * FROM "__sluice_abcd1234_paid" LIMIT 100');
  });

  it('puts a LIMIT on a table source', () => {
    const doc = flow(
      [
        stage('src', 'table-source', { table: 'orders' }),
        stage('f', 'filter', { condition: 'true' }),
      ],
      ['src->f'],
    );
    const { plan } = compileSample(analyzeFlow(doc), {
      target: MARIADB,
      stageId: 'src',
      runTag: 'abcd1234',
      detectedColumns: { src: COLUMNS },
    });
    expect(plan?.steps.map((s) => s.sql)).toEqual([
      'CREATE TABLE `__sluice_abcd1234_src` ENGINE=Aria TRANSACTIONAL=0 AS SELECT * FROM `orders` LIMIT 10000',
    ]);
    expect(plan?.sources).toEqual(['src']);
  });

  it('asks the MySQL family to stream only the first rows of a file', () => {
    const { plan } = compileSample(analyzeFlow(ordersFlow()), {
      target: MARIADB,
      stageId: 'src',
      runTag: 'abcd1234',
      resolveFile,
      sampleRows: 20,
    });
    const load = plan?.steps.find((s) => s.id === 'load:src');
    expect(load?.files?.[0]?.stream?.sampleRows).toBe(20);
  });

  it('is stopped only by problems of the stages it reads', () => {
    const doc = ordersFlow();
    const broken = {
      ...doc,
      stages: doc.stages.map((s) => (s.id === 'dest' ? { ...s, config: { table: '' } } : s)),
    };
    const analysis = analyzeFlow(broken);
    expect(analysis.diagnostics.some((d) => d.stageId === 'dest' && d.severity === 'error')).toBe(
      true,
    );
    const ok = compileSample(analysis, {
      target: DUCKDB,
      stageId: 'paid',
      runTag: 'a1',
      resolveFile,
    });
    expect(ok.plan).toBeDefined();
    const refused = compileSample(analysis, { target: DUCKDB, stageId: 'dest', runTag: 'a1' });
    expect(refused.plan).toBeUndefined();
    expect(refused.diagnostics.some((d) => d.stageId === 'dest')).toBe(true);
  });

  it('refuses a stage the flow does not have, and a file sample on MatrixOne, on the stage', () => {
    const analysis = analyzeFlow(ordersFlow());
    const missing = compileSample(analysis, { target: DUCKDB, stageId: 'nope', runTag: 'a1' });
    expect(missing.diagnostics.map((d) => [d.stageId, d.message])).toEqual([
      ['nope', 'The flow has no stage "nope" to preview.'],
    ]);
    const mo = compileSample(analysis, { target: MATRIXONE_4, stageId: 'paid', runTag: 'a1' });
    expect(mo.plan).toBeUndefined();
    expect(mo.diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unsupported-on-target', 'src', ['path']],
    ]);
  });
});
