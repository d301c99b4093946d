import { describe, expect, it } from 'vitest';

import { FlowDocumentSchema } from '@sluice/flow';

import { DUCKDB, flow, MARIADB, MATRIXONE_4, stage } from '../test/build-flow';
import fixtureJson from '../test/fixtures/orders-pipeline.flow.json';
import { analyzeFlow } from './analyze-flow';
import { compileFlow } from './compile-flow';
import { destinationTables, fileRefs } from './file-refs';

const fixture = FlowDocumentSchema.parse(fixtureJson);
const options = { target: DUCKDB, runTag: 'r1' };
const codes = (doc: Parameters<typeof analyzeFlow>[0]) =>
  analyzeFlow(doc).diagnostics.map((d) => [d.code, d.stageId, d.path]);

describe('compileFlow', () => {
  it('inlines what is read once and stages what is read twice, counting from each statement', () => {
    const { plan, diagnostics } = compileFlow(analyzeFlow(fixture), options);
    expect(diagnostics).toEqual([]);
    expect(plan?.steps.map((s) => [s.id, s.phase, s.stageId, s.rowsFrom, s.inlined])).toEqual([
      [
        'transform:cols-1',
        'transform',
        'cols-1',
        'changes',
        [
          {
            stageId: 'filter-1',
            rows: 'unknown',
            probe: expect.stringMatching(/ LIMIT 0$/) as string,
          },
          { stageId: 'src-1', rows: 'unknown' },
        ],
      ],
      ['create:dest-1', 'write', 'dest-1', undefined, undefined],
      ['write:dest-1', 'write', 'dest-1', 'changes', undefined],
      ['export:export-1', 'export', 'export-1', 'changes', undefined],
    ]);
    expect(plan?.steps.some((s) => s.rowCountSql !== undefined)).toBe(false);
    expect(plan?.staging).toEqual(['__sluice_r1_cols-1']);
    expect(plan?.cleanup.map((s) => `${s.id} ${s.sql}`)).toEqual([
      'cleanup:1 DROP TABLE IF EXISTS "__sluice_r1_cols-1"',
    ]);
  });

  it('writes the file, the filter and the projection read by two sinks as one statement', () => {
    const step = compileFlow(analyzeFlow(fixture), options).plan?.steps[0];
    expect(step?.sql).toMatch(
      /^CREATE TABLE "__sluice_r1_cols-1" AS SELECT "customer" AS "who", "amount" AS "amount" FROM read_csv\('stage:\/\/samples\/orders\.csv', .*\) WHERE \(amount > 0\)$/,
    );
  });

  it('gives the stage a sink reads the rows the sink reports', () => {
    const doc = flow(
      [stage('src', 'file-source'), stage('f', 'filter'), stage('dest', 'table-destination')],
      ['src->f', 'f->dest'],
    );
    const steps = compileFlow(analyzeFlow(doc), options).plan?.steps ?? [];
    expect(steps.map((s) => [s.id, s.inlined])).toEqual([
      ['create:dest', undefined],
      [
        'write:dest',
        [
          { stageId: 'f', rows: 'same', probe: expect.stringMatching(/ LIMIT 0$/) as string },
          { stageId: 'src', rows: 'unknown' },
        ],
      ],
    ]);
    expect(steps.map((s) => s.files?.map((f) => f.ref.path))).toEqual([
      ['orders.csv'],
      ['orders.csv'],
    ]);
  });

  it('probes an inlined stage that carries SQL with a zero-row SELECT of its own relation', () => {
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('f', 'filter', { condition: 'amount > 0' }),
        stage('dest', 'table-destination'),
      ],
      ['src->f', 'f->dest'],
    );
    const write = compileFlow(analyzeFlow(doc), options).plan?.steps.find(
      (s) => s.id === 'write:dest',
    );
    const probe = write?.inlined?.find((s) => s.stageId === 'f')?.probe;
    expect(probe).toMatch(
      /^SELECT \* FROM \(SELECT \* FROM read_csv\(.*\) WHERE \(amount > 0\)\) AS .* LIMIT 0$/,
    );
  });

  it('stages every processor as a view of its own when asked', () => {
    const { plan } = compileFlow(analyzeFlow(fixture), { ...options, stageEach: true });
    expect(plan?.steps.map((s) => [s.id, s.rowsFrom])).toEqual([
      ['load:src-1', 'changes'],
      ['transform:filter-1', 'count'],
      ['transform:cols-1', 'count'],
      ['create:dest-1', undefined],
      ['write:dest-1', 'changes'],
      ['export:export-1', 'changes'],
    ]);
    expect(plan?.steps.find((s) => s.id === 'transform:filter-1')?.sql).toBe(
      'CREATE VIEW "__sluice_r1_filter-1" AS SELECT * FROM "__sluice_r1_src-1" WHERE (amount > 0)',
    );
  });

  it('resolves files through the given resolver, exporting to a temporary name first', () => {
    const resolveFile = (ref: { externalStage: string; path: string }, mode: string) =>
      `/data/${ref.externalStage}/${mode}/${ref.path}`;
    const steps = compileFlow(analyzeFlow(fixture), { ...options, resolveFile }).plan?.steps ?? [];
    expect(steps.flatMap((s) => s.files ?? [])).toEqual([
      {
        ref: { externalStage: 'samples', path: 'orders.csv' },
        mode: 'read',
        local: '/data/samples/read/orders.csv',
        stageId: 'src-1',
      },
      {
        ref: { externalStage: 'exports', path: 'paid.csv' },
        mode: 'write',
        local: '/data/exports/write/paid.csv',
        temp: '/data/exports/write/paid.csv.sluice-r1-export-1.tmp',
      },
    ]);
  });

  it('skips stages that feed no destination, warning about them', () => {
    const doc = flow(
      [stage('src', 'file-source'), stage('side', 'filter'), stage('dest', 'table-destination')],
      ['src->side', 'src->dest'],
    );
    const { plan, diagnostics } = compileFlow(analyzeFlow(doc), options);
    expect(plan?.steps.map((s) => s.id)).toEqual(['create:dest', 'write:dest']);
    expect(diagnostics.map((d) => [d.code, d.stageId])).toEqual([['unconnected-output', 'side']]);
  });

  it('returns no plan while any diagnostic is an error', () => {
    const doc = flow([stage('dest', 'table-destination')], []);
    expect(compileFlow(analyzeFlow(doc), options)).toEqual({
      diagnostics: [expect.objectContaining({ code: 'missing-input', stageId: 'dest' })],
    });
  });

  describe('a destination that must already exist', () => {
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('d', 'table-destination', { table: 't', schema: 'sales', createIfMissing: false }),
        stage('c', 'table-destination', { table: 'fresh', createIfMissing: true }),
      ],
      ['src->d', 'src->c'],
    );

    it('is an error on its option when the run finds it missing', () => {
      const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
        ...options,
        existingTables: [],
      });
      expect(plan).toBeUndefined();
      expect(diagnostics).toEqual([
        {
          code: 'missing-table',
          severity: 'error',
          stageId: 'd',
          path: ['createIfMissing'],
          message:
            'Table "sales.t" does not exist: turn on "Create the table if it is missing" or create it.',
        },
      ]);
    });

    it('compiles when the table exists, and in previews, which do not know', () => {
      const existing = [{ schema: 'sales', name: 't' }];
      const run = compileFlow(analyzeFlow(doc), { ...options, existingTables: existing });
      expect(run.diagnostics).toEqual([]);
      const preview = compileFlow(analyzeFlow(doc), options);
      expect(preview.diagnostics).toEqual([]);
      expect(preview.plan?.steps.map((s) => s.id)).toContain('write:d');
    });
  });

  it.each([DUCKDB, MARIADB])(
    'marks an S3 external stage on $product, where Sluice moves the files itself',
    (target) => {
      const doc = flow(
        [
          stage('src', 'file-source', { externalStage: 'lake' }),
          stage('out', 'file-export', { externalStage: 'lake' }),
        ],
        ['src->out'],
      );
      const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
        target,
        runTag: 'r1',
        s3ExternalStages: ['lake'],
      });
      expect(plan).toBeUndefined();
      expect(diagnostics.map((d) => [d.stageId, d.path, d.message])).toEqual(
        ['src', 'out'].map((stageId) => [
          stageId,
          ['externalStage'],
          `External stage "lake" on S3 needs MatrixOne, which reads S3 itself; this server is ${target.product} ${target.version}. Use a file:// external stage.`,
        ]),
      );
      const onMatrixOne = compileFlow(analyzeFlow(doc), {
        target: MATRIXONE_4,
        runTag: 'r1',
        s3ExternalStages: ['lake'],
      });
      expect(onMatrixOne.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );

  it('refuses a run tag that cannot be part of a name', () => {
    expect(() => compileFlow(analyzeFlow(fixture), { ...options, runTag: 'a"b' })).toThrow(
      'Run tag',
    );
  });
});

describe('analyzeFlow', () => {
  it('propagates columns in topological order', () => {
    const analysis = analyzeFlow(fixture);
    expect(analysis.order).toEqual(['src-1', 'filter-1', 'cols-1', 'dest-1', 'export-1']);
    expect(analysis.columns['cols-1']).toEqual([
      { name: 'who', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
    ]);
  });

  it('reports a cycle on every stage in it', () => {
    const doc = flow(
      [stage('a', 'filter'), stage('b', 'filter'), stage('c', 'table-destination')],
      ['a->b', 'b->a', 'b->c'],
    );
    const cycles = analyzeFlow(doc).diagnostics.filter((d) => d.code === 'cycle');
    expect(cycles.map((d) => d.stageId)).toEqual(['a', 'b']);
    expect(cycles[0]?.message).toBe(
      'These stages form a cycle: a → b → a. Remove one of the links.',
    );
  });

  it('reports missing and doubled inputs and links to ports a stage lacks', () => {
    const doc = flow(
      [stage('s1', 'file-source'), stage('s2', 'file-source'), stage('d', 'table-destination')],
      ['s1->d', 's2->d'],
    );
    doc.links.push({
      id: 'bad',
      source: { stageId: 's1', port: 'nope' },
      target: { stageId: 's2', port: 'in' },
    });
    expect(codes(doc)).toEqual([
      ['unknown-port', 's1', undefined],
      ['unknown-port', 's2', undefined],
      ['too-many-inputs', 'd', undefined],
    ]);
  });

  it('reports unknown columns with the config path', () => {
    const doc = flow(
      [
        stage('src', 'file-source', { columns: [{ name: 'id', type: 'BIGINT' }] }),
        stage('cols', 'select-columns', { columns: [{ source: 'id' }, { source: 'price' }] }),
        stage('d', 'table-destination'),
      ],
      ['src->cols', 'cols->d'],
    );
    expect(codes(doc)).toEqual([['unknown-column', 'cols', ['columns', 1, 'source']]]);
  });

  it('reports user SQL that is not one expression at its field', () => {
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('f', 'filter', { condition: 'a = 1; DROP TABLE x' }),
        stage('d', 'table-destination'),
      ],
      ['src->f', 'f->d'],
    );
    expect(analyzeFlow(doc).diagnostics).toEqual([
      {
        code: 'invalid-sql',
        severity: 'error',
        stageId: 'f',
        path: ['condition'],
        message: 'Semicolons are not allowed: write one expression, not statements.',
      },
    ]);
  });

  it('reports two exports writing one file on both stages', () => {
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('e1', 'file-export', { path: 'out.csv' }),
        stage('e2', 'file-export', { path: 'out.csv' }),
        stage('e3', 'file-export', { path: 'other.csv' }),
      ],
      ['src->e1', 'src->e2', 'src->e3'],
    );
    const shared = analyzeFlow(doc).diagnostics.filter((d) => d.code === 'invalid-config');
    expect(shared.map((d) => [d.stageId, d.message])).toEqual([
      ['e1', '"e2" also writes stage://exports/out.csv; give each export its own file.'],
      ['e2', '"e1" also writes stage://exports/out.csv; give each export its own file.'],
    ]);
  });

  it('uses columns detected from a file for the stages downstream', () => {
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('cols', 'select-columns', { columns: [{ source: 'id' }, { source: 'price' }] }),
        stage('d', 'table-destination'),
      ],
      ['src->cols', 'cols->d'],
    );
    expect(codes(doc)).toEqual([]);
    const analysis = analyzeFlow(doc, {
      detectedColumns: { src: [{ name: 'id', type: 'BIGINT' }] },
    });
    expect(analysis.columns.src).toEqual([{ name: 'id', type: 'BIGINT' }]);
    expect(analysis.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['unknown-column', ['columns', 1, 'source']],
    ]);
  });

  it('reports unknown stage types, invalid configs and a flow without destination', () => {
    const doc = flow(
      [stage('x', 'pivot'), stage('src', 'file-source', { path: '../up.csv' })],
      ['src->x'],
    );
    expect(codes(doc)).toEqual([
      ['unknown-stage-type', 'x', undefined],
      ['invalid-config', 'src', ['path']],
      ['no-destination', undefined, undefined],
    ]);
  });
});

describe('fileRefs', () => {
  it('lists the files a flow reads and writes, from valid configs only', () => {
    const doc = flow([...fixture.stages, stage('bad', 'file-source', { path: '/etc/passwd' })], []);
    expect(fileRefs(analyzeFlow(doc))).toEqual([
      { stageId: 'src-1', ref: { externalStage: 'samples', path: 'orders.csv' }, mode: 'read' },
      { stageId: 'export-1', ref: { externalStage: 'exports', path: 'paid.csv' }, mode: 'write' },
    ]);
  });
});

describe('destinationTables', () => {
  it('lists the tables a flow writes, schema included, from valid configs only', () => {
    const doc = flow(
      [
        ...fixture.stages,
        stage('d2', 'table-destination', { table: 't2', schema: 'db' }),
        stage('bad', 'table-destination', { table: '' }),
      ],
      [],
    );
    expect(destinationTables(analyzeFlow(doc))).toEqual([
      { name: 'paid' },
      { schema: 'db', name: 't2' },
    ]);
  });
});
