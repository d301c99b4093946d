import { describe, expect, it } from 'vitest';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow, sourceTables } from '../src';
import { DUCKDB, flow, MARIADB, MATRIXONE_3, MATRIXONE_4, stage } from './build-flow';

/**
 * Golden SQL of a table source on every target, and what each refuses. MatrixOne reads a table
 * at a snapshot with `t{snapshot = 'sp'}` (sql-reference.md §5.2, its `snapshot/snapshotRead`
 * case), also inside a view (its snapshot cases create
 * `view v03 as select * from table01 {snapshot = 'sp100'}`), so the staging view holds it.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'country', type: 'VARCHAR' },
] as const;

function compile(target: TargetProfile, config: Record<string, unknown>) {
  const doc = flow(
    [stage('src', 'table-source', config), stage('dest', 'table-destination', { table: 'copy' })],
    ['src->dest'],
  );
  return compileFlow(analyzeFlow(doc), {
    stageEach: true,
    target,
    runTag: 'r1',
    existingTables: [{ name: 'copy' }],
    detectedColumns: { src: COLUMNS },
  });
}

function viewOf(target: TargetProfile, config: Record<string, unknown>) {
  const { plan, diagnostics } = compile(target, config);
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan.steps.find((s) => s.stageId === 'src')?.sql;
}

describe('table source SQL', () => {
  it('reads the table where it is, schema-qualified, as each dialect quotes it', () => {
    expect(viewOf(DUCKDB, { table: 'orders', schema: 'shop' })).toBe(
      'CREATE VIEW "__sluice_r1_src" AS SELECT * FROM "shop"."orders"',
    );
    expect(viewOf(MARIADB, { table: 'orders' })).toBe(
      'CREATE VIEW `__sluice_r1_src` AS SELECT * FROM `orders`',
    );
  });

  it.each([MATRIXONE_3, MATRIXONE_4])('reads a table at a snapshot on $product $version', (t) => {
    expect(viewOf(t, { table: 'orders', snapshot: "monday's" })).toBe(
      "CREATE VIEW `__sluice_r1_src` AS SELECT * FROM `orders`{snapshot = 'monday''s'}",
    );
  });

  it.each([DUCKDB, MARIADB])('refuses a snapshot on $product, on the snapshot field', (t) => {
    const { plan, diagnostics } = compile(t, { table: 'orders', snapshot: 'sp1' });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unsupported-on-target', 'src', ['snapshot']],
    ]);
  });

  it("refuses Sluice's own schema in any spelling", () => {
    const doc = flow(
      [
        stage('src', 'table-source', { table: 'flows', schema: 'SLUICE' }),
        stage('dest', 'table-destination', { table: 'copy' }),
      ],
      ['src->dest'],
    );
    const found = analyzeFlow(doc).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['reserved-schema', 'src', ['schema']],
    ]);
  });

  it('lists the tables a flow reads, so their columns are read from the catalogue', () => {
    const doc = flow(
      [
        stage('src', 'table-source', { table: 'orders', schema: 'shop' }),
        stage('dest', 'table-destination', { table: 'copy' }),
      ],
      ['src->dest'],
    );
    expect(sourceTables(analyzeFlow(doc))).toEqual([
      { stageId: 'src', table: { schema: 'shop', name: 'orders' } },
    ]);
  });

  it('gives the catalogue columns to the stages downstream, which check against them', () => {
    const doc = flow(
      [
        stage('src', 'table-source', { table: 'orders' }),
        stage('f', 'filter', { condition: 'contry IS NULL' }),
        stage('dest', 'table-destination', { table: 'copy' }),
      ],
      ['src->f', 'f->dest'],
    );
    const analysis = analyzeFlow(doc, { detectedColumns: { src: COLUMNS } });
    expect(analysis.columns.f).toEqual(COLUMNS);
    expect(analysis.diagnostics.map((d) => d.message)).toContain(
      'Unknown column "contry"; did you mean "country"?',
    );
  });
});
