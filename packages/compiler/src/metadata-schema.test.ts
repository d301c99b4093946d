import { describe, expect, it } from 'vitest';

import type { TargetProfile } from './plan';
import { DUCKDB, flow, MARIADB, MATRIXONE_4, stage } from '../test/build-flow';
import { analyzeFlow } from './analyze-flow';
import { compileFlow } from './compile-flow';
import { previewFlow } from './preview-flow';

const MYSQL: TargetProfile = { dialect: 'mysql', product: 'MySQL', version: '8.0.36' };

const writing = (destination: Record<string, unknown>, condition = 'TRUE') =>
  flow(
    [
      stage('src', 'file-source', { columns: [{ name: 'id', type: 'BIGINT' }] }),
      stage('f', 'filter', { condition }),
      stage('d', 'table-destination', { mode: 'overwrite', ...destination }),
    ],
    ['src->f', 'f->d'],
  );

const refusals = (result: { diagnostics: { code: string; stageId?: string; path?: unknown }[] }) =>
  result.diagnostics
    .filter((d) => d.code === 'reserved-schema' || d.code === 'invalid-sql')
    .map((d) => [d.code, d.stageId, d.path]);

describe("Sluice's metadata schema", () => {
  describe.each([
    ['DuckDB', DUCKDB, 'sluice'],
    ['MySQL', MYSQL, 'sluice'],
    ['MariaDB', MARIADB, 'sluice_meta'],
    ['MatrixOne', MATRIXONE_4, 'sluice'],
  ] as const)('on %s', (_name, target, metadataSchema) => {
    const compile = (doc: ReturnType<typeof writing>) =>
      compileFlow(analyzeFlow(doc, { metadataSchema }), { target, runTag: 'r1' });

    it('refuses a table destination in it, on the schema field, and plans nothing', () => {
      const result = compile(writing({ schema: metadataSchema, table: 'flows' }));
      expect(result.plan).toBeUndefined();
      expect(result.diagnostics).toContainEqual({
        code: 'reserved-schema',
        severity: 'error',
        stageId: 'd',
        path: ['schema'],
        message: `Schema "${metadataSchema}" holds Sluice's own tables (flows, runs, external stages); write to another schema.`,
      });
    });

    it('refuses it whatever its case', () => {
      const result = compile(writing({ schema: metadataSchema.toUpperCase(), table: 'runs' }));
      expect(refusals(result)).toEqual([['reserved-schema', 'd', ['schema']]]);
    });

    it('refuses a condition naming one of its tables, on the condition field', () => {
      const result = compile(
        writing({ table: 'out' }, `id IN (1) OR ${metadataSchema}.flows.id = 1`),
      );
      expect(refusals(result)).toEqual([['invalid-sql', 'f', ['condition']]]);
    });

    it('compiles a table named like a metadata table in another schema', () => {
      expect(compile(writing({ table: 'flows' })).plan).toBeDefined();
      expect(compile(writing({ schema: 'sales', table: 'flows' })).plan).toBeDefined();
    });

    it('writes a table named "<metadata>.flows" as one quoted name in the default schema', () => {
      const { plan } = compile(writing({ table: `${metadataSchema}.flows` }));
      const quoted = target.dialect === 'duckdb' ? '"' : '`';
      const sql = plan?.steps.map((s) => s.sql).join('\n') ?? '';
      expect(sql).toContain(`${quoted}${metadataSchema}.flows${quoted}`);
      expect(sql).not.toContain(`${quoted}${metadataSchema}${quoted}.`);
    });
  });

  it('defaults to "sluice" when no name is given, as the editor checks before the server says', () => {
    expect(refusals(analyzeFlow(writing({ schema: 'Sluice', table: 't' })))).toEqual([
      ['reserved-schema', 'd', ['schema']],
    ]);
  });

  it('refuses only the configured one', () => {
    const doc = writing({ schema: 'sluice', table: 't' });
    expect(refusals(analyzeFlow(doc, { metadataSchema: 'sluice_meta' }))).toEqual([]);
    const analysis = analyzeFlow(writing({ schema: 'SLUICE_META', table: 't' }), {
      metadataSchema: 'sluice_meta',
    });
    const preview = previewFlow(analysis, { target: MARIADB });
    expect(preview.steps).toEqual([]);
    expect(refusals(preview)).toEqual([['reserved-schema', 'd', ['schema']]]);
  });
});
