import { describe, expect, it } from 'vitest';

import { FlowDocumentSchema } from '@sluice/flow';

import { createTestEditor } from './test-editor';

describe('editor store', () => {
  it('adds stages with registry defaults, unique ids and labels', () => {
    const ed = createTestEditor();
    const a = ed.add('filter');
    const b = ed.add('filter', 300);
    expect([a, b]).toEqual(['filter-1', 'filter-2']);
    const [first, second] = ed.state().document().stages;
    expect(first).toMatchObject({ type: 'filter', typeVersion: 1, label: 'Filter' });
    expect(second?.label).toBe('Filter 2');
    expect(second?.position).toEqual({ x: 300, y: 0 });
    expect(ed.state().selectedNodeIds).toEqual([b]);
    expect(ed.state().addStage('no-such-type', { x: 0, y: 0 })).toBeUndefined();
    expect(FlowDocumentSchema.safeParse(ed.state().document()).success).toBe(true);
  });

  it('connects ports and refuses a cycle with a reason', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const f1 = ed.add('filter');
    const f2 = ed.add('filter');
    expect(ed.link(source, f1)).toEqual({ ok: true });
    expect(ed.link(f1, f2)).toEqual({ ok: true });
    const cycle = ed.link(f2, f1);
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.reason).toMatch(/cycle|already has a link/);
    const back = ed
      .state()
      .connect({ source: f2, target: source, sourceHandle: 'out', targetHandle: null });
    expect(back).toEqual({ ok: false, reason: 'Pick an output port and an input port to link.' });
    expect(ed.state().document().links).toHaveLength(2);
  });

  it('refuses a link that would close a loop on a free input', () => {
    const ed = createTestEditor();
    const f1 = ed.add('filter');
    const f2 = ed.add('filter');
    expect(ed.link(f1, f2).ok).toBe(true);
    expect(ed.link(f2, f1)).toEqual({
      ok: false,
      reason: 'This link would create a cycle; flows run in one direction.',
    });
  });

  it('renames the export file with its format, in one undo step', () => {
    const ed = createTestEditor();
    const file = ed.add('file-export');
    const config = () => ed.state().document().stages[0]?.config;
    ed.state().updateStageConfig(file, { format: 'jsonl' });
    expect(config()).toMatchObject({ format: 'jsonl', path: 'output.jsonl' });
    ed.state().undo();
    expect(config()).toMatchObject({ format: 'csv', path: 'output.csv' });
    ed.state().redo();
    expect(config()).toMatchObject({ format: 'jsonl', path: 'output.jsonl' });

    ed.state().updateStageConfig(file, { path: 'report.txt' });
    ed.state().updateStageConfig(file, { format: 'parquet' });
    expect(config()).toMatchObject({ format: 'parquet', path: 'report.txt' });
  });

  it('undoes and redoes structure and config edits, never selection', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const filter = ed.add('filter');
    ed.link(source, filter);
    ed.state().updateStageConfig(filter, { condition: 'amount > 1' });
    const edited = ed.state().document();

    ed.state().undo();
    expect(ed.state().document().stages[1]?.config.condition).not.toBe('amount > 1');
    ed.state().undo();
    expect(ed.state().document().links).toHaveLength(0);
    ed.state().selectStage(source);
    expect(ed.state().past).toHaveLength(2);
    ed.state().redo();
    ed.state().redo();
    expect(ed.state().document()).toEqual(edited);
    expect(ed.state().future).toHaveLength(0);
  });

  it('folds typing in one field into one undo step', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    for (const condition of ['a', 'a >', 'a > 1'])
      ed.state().updateStageConfig(filter, { condition });
    ed.state().undo();
    expect(
      ed
        .state()
        .document()
        .stages.map((s) => s.id),
    ).toEqual([filter]);
    expect(ed.state().document().stages[0]?.config.condition).not.toBe('a');
  });

  it('captures a drag once, at its end', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    const moves = [10, 20, 30].map((x) => ({ x, y: 5 }));
    for (const position of moves) {
      ed.state().onNodesChange([{ type: 'position', id: filter, position, dragging: true }]);
    }
    const revision = ed.state().docRevision;
    expect(ed.state().past).toHaveLength(1);
    ed.state().onNodesChange([
      { type: 'position', id: filter, position: { x: 40, y: 5 }, dragging: false },
    ]);
    expect(ed.state().past).toHaveLength(2);
    expect(ed.state().docRevision).toBe(revision);
    ed.state().undo();
    expect(ed.state().document().stages[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('validates config: a bad field becomes a diagnostic with its path and an error badge', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    ed.state().updateStageConfig(source, { delimiter: ';;' });
    const onField = ed
      .state()
      .diagnostics.filter((d) => d.stageId === source && d.path?.[0] === 'delimiter');
    expect(onField).toHaveLength(1);
    expect(onField[0]?.severity).toBe('error');
    expect(ed.state().errorCounts[source]).toBeGreaterThan(0);
    ed.state().updateStageConfig(source, { delimiter: ';' });
    expect(ed.state().diagnostics.some((d) => d.path?.[0] === 'delimiter')).toBe(false);
  });

  it('counts warnings apart from errors and keeps flow-level ones off the stages', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const filter = ed.add('filter');
    ed.link(source, filter);
    const unconnected = ed.state().diagnostics.filter((d) => d.code === 'unconnected-output');
    expect(unconnected.map((d) => d.stageId)).toEqual([filter]);
    expect(ed.state().warningCounts[filter]).toBe(1);
    expect(ed.state().warningCounts[source]).toBeUndefined();
    const flowLevel = ed.state().diagnostics.filter((d) => d.stageId === undefined);
    expect(flowLevel.map((d) => d.code)).toContain('no-destination');
  });

  it('shows the latest run on open, follows it while it runs, and lets a new run replace it', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const latest = {
      id: 'run-1',
      flowId: 'f1',
      flowVersion: 1,
      state: 'running' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      stages: [
        { stageId: source, label: 'Source', type: 'file-source', state: 'running' as const },
      ],
    };
    ed.state().showLatestRun(latest);
    expect(ed.state().run?.id).toBe('run-1');
    expect(ed.state().runId).toBe('run-1');
    expect(ed.state().runStatus[source]?.state).toBe('running');
    ed.state().beginRun();
    ed.state().showLatestRun(latest);
    expect(ed.state().run).toBeUndefined();
    expect(ed.state().starting).toBe(true);
  });

  it('shows a finished latest run without following it', () => {
    const ed = createTestEditor();
    ed.state().showLatestRun({
      id: 'run-2',
      flowId: 'f1',
      flowVersion: 3,
      state: 'failed',
      error: 'boom',
      createdAt: '2026-01-01T00:00:00.000Z',
      stages: [],
    });
    expect(ed.state().run?.state).toBe('failed');
    expect(ed.state().runId).toBeUndefined();
  });

  it('recomputes diagnostics on edits, not on drags', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    expect(ed.state().diagnostics.some((d) => d.code === 'missing-input')).toBe(true);
    const analysis = ed.state().analysis;
    ed.state().onNodesChange([
      { type: 'position', id: filter, position: { x: 9, y: 9 }, dragging: true },
    ]);
    expect(ed.state().analysis).toBe(analysis);
    ed.state().removeElements([filter], []);
    expect(ed.state().diagnostics.some((d) => d.code === 'missing-input')).toBe(false);
  });

  it('tracks the dirty flag against the last save', () => {
    const ed = createTestEditor();
    expect(ed.state().isDirty).toBe(false);
    const filter = ed.add('filter');
    expect(ed.state().isDirty).toBe(true);
    const saved = ed.state().document();
    ed.state().renameStage(filter, 'Paid only');
    ed.state().markSaved(2, saved);
    expect(ed.state()).toMatchObject({ isDirty: true, version: 2 });
    ed.state().markSaved(3);
    expect(ed.state().isDirty).toBe(false);
    ed.state().undo();
    expect(ed.state().isDirty).toBe(true);
    ed.state().redo();
    expect(ed.state().isDirty).toBe(false);
  });

  it('removes a stage with its links in one undo step', () => {
    const ed = createTestEditor();
    const source = ed.add('file-source');
    const filter = ed.add('filter');
    ed.link(source, filter);
    ed.state().removeElements([source], []);
    expect(ed.state().document()).toMatchObject({ stages: [{ id: filter }], links: [] });
    ed.state().undo();
    expect(ed.state().document().links).toHaveLength(1);
  });

  it('describes a stage, typing folded into one undo step, and an empty text removes it', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    const steps = ed.state().past.length;
    ed.state().describeStage(filter, 'Paid');
    ed.state().describeStage(filter, 'Paid orders only');
    expect(ed.state().past).toHaveLength(steps + 1);
    expect(ed.state().document().stages[0]?.description).toBe('Paid orders only');
    ed.state().undo();
    expect(ed.state().document().stages[0]).not.toHaveProperty('description');
    ed.state().redo();
    ed.state().describeStage(filter, '');
    expect(ed.state().document().stages[0]).not.toHaveProperty('description');
  });

  it('maps run snapshots to per-stage status and ignores runs it does not follow', () => {
    const ed = createTestEditor();
    const filter = ed.add('filter');
    ed.state().beginRun();
    ed.state().watchRun('r1');
    const snapshot = {
      id: 'r1',
      flowId: 'f1',
      flowVersion: 1,
      state: 'running' as const,
      createdAt: '2024-01-01T00:00:00Z',
      stages: [
        { stageId: filter, label: 'Filter', type: 'filter', state: 'succeeded' as const, rows: 4 },
      ],
    };
    ed.state().applyRunSnapshot(snapshot);
    expect(ed.state().runStatus[filter]).toMatchObject({ state: 'succeeded', rows: 4 });
    expect(ed.state().starting).toBe(false);
    ed.state().applyRunSnapshot({ ...snapshot, id: 'r0', stages: [] });
    expect(ed.state().run?.id).toBe('r1');
  });

  describe('preview for the target', () => {
    const duckdb = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.5' } as const;

    /** file-source → filter → table-destination, the stages' defaults filled in. */
    function paidOrders() {
      const ed = createTestEditor();
      const source = ed.add('file-source');
      const filter = ed.add('filter');
      const table = ed.add('table-destination');
      ed.state().updateStageConfig(filter, { condition: 'amount > 100' });
      ed.state().updateStageConfig(table, { table: 'paid' });
      ed.link(source, filter);
      ed.link(filter, table);
      return { ed, source, filter, table };
    }

    it('asks for the columns of a source that declares none, and checks conditions against what its file holds', () => {
      const { ed, source, filter } = paidOrders();
      const files = ed.state().filesToDetect;
      expect(files.map(({ stageId, ref, format }) => [stageId, ref, format.kind])).toEqual([
        [source, { externalStage: 'samples', path: 'orders.csv' }, 'csv'],
      ]);
      ed.state().updateStageConfig(filter, { condition: "stauts = 'paid'" });
      expect(ed.state().diagnostics.filter((d) => d.stageId === filter)).toEqual([]);

      const undoSteps = ed.state().past.length;
      ed.state().setDetectedColumns({ [source]: [{ name: 'status' }, { name: 'amount' }] });
      const onFilter = ed.state().diagnostics.filter((d) => d.stageId === filter);
      expect(onFilter.map((d) => [d.code, d.path, d.severity])).toEqual([
        ['unknown-column', ['condition'], 'error'],
      ]);
      expect(onFilter[0]?.message).toContain('did you mean "status"');
      expect(ed.state().analysis?.columns[filter]).toEqual([
        { name: 'status' },
        { name: 'amount' },
      ]);

      expect(ed.state().past).toHaveLength(undoSteps);
      const saved = ed
        .state()
        .document()
        .stages.find((stage) => stage.id === source);
      expect(saved?.config).toMatchObject({ columns: [] });
    });

    it('has no SQL until the server says which target flows run on', () => {
      const { ed } = paidOrders();
      expect(ed.state().preview).toBeUndefined();
      ed.state().setEnvironment({ target: duckdb, knownExternalStages: ['samples'] });
      expect(ed.state().preview?.steps.map((s) => s.phase)).toContain('write');
      expect(ed.state().diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('validates again only when what the server says changes', () => {
      const { ed } = paidOrders();
      ed.state().setEnvironment({ target: duckdb, knownExternalStages: ['samples'] });
      const preview = ed.state().preview;
      ed.state().setEnvironment({ target: { ...duckdb }, knownExternalStages: ['samples'] });
      expect(ed.state().preview).toBe(preview);
      ed.state().setEnvironment({ target: duckdb, knownExternalStages: ['samples', 'landing'] });
      expect(ed.state().preview).not.toBe(preview);
    });

    it('puts a missing external stage on the stage that names it', () => {
      const { ed, source } = paidOrders();
      ed.state().setEnvironment({ target: duckdb, knownExternalStages: ['landing'] });
      const missing = ed.state().diagnostics.filter((d) => d.code === 'unknown-external-stage');
      expect(missing.map((d) => [d.stageId, d.path])).toEqual([[source, ['externalStage']]]);
      expect(ed.state().errorCounts[source]).toBe(1);
      expect(ed.state().preview?.steps).toEqual([]);
    });

    it('puts a disabled external stage on the stage that names it', () => {
      const { ed, source } = paidOrders();
      ed.state().setEnvironment({
        target: duckdb,
        knownExternalStages: ['samples'],
        disabledExternalStages: ['samples'],
      });
      const disabled = ed.state().diagnostics.filter((d) => d.code === 'disabled-external-stage');
      expect(disabled.map((d) => [d.stageId, d.path])).toEqual([[source, ['externalStage']]]);
      expect(ed.state().preview?.steps).toEqual([]);
    });

    it("marks a table destination in the server's metadata database on its schema field", () => {
      const { ed, table } = paidOrders();
      ed.state().updateStageConfig(table, { schema: 'Sluice_Meta', mode: 'overwrite' });
      const mariadb = { dialect: 'mysql', product: 'MariaDB', version: '10.11.19' } as const;
      ed.state().setEnvironment({
        target: mariadb,
        knownExternalStages: ['samples'],
        metadataSchema: 'sluice_meta',
      });
      const onTable = ed.state().diagnostics.filter((d) => d.stageId === table);
      expect(onTable.map((d) => [d.code, d.path])).toEqual([['reserved-schema', ['schema']]]);
      expect(ed.state().errorCounts[table]).toBe(1);
      expect(ed.state().preview?.steps).toEqual([]);
    });

    it('marks a source on an S3 external stage where the target cannot read S3', () => {
      const { ed, source } = paidOrders();
      ed.state().setEnvironment({
        target: duckdb,
        knownExternalStages: ['samples'],
        s3ExternalStages: ['samples'],
      });
      const onStage = ed.state().diagnostics.filter((d) => d.stageId === source);
      expect(onStage.map((d) => [d.code, d.path])).toEqual([
        ['unsupported-on-target', ['externalStage']],
      ]);
      expect(ed.state().preview?.steps).toEqual([]);
    });

    it('compiles for the target: its SQL and the diagnostics it has on a stage', () => {
      const { ed } = paidOrders();
      const mariadb = { dialect: 'mysql', product: 'MariaDB', version: '10.11.19' } as const;
      ed.state().setEnvironment({ target: mariadb, knownExternalStages: ['samples', 'exports'] });
      const sql = ed
        .state()
        .preview?.steps.map((s) => s.sql)
        .join('\n');
      expect(sql).toContain('LOAD DATA LOCAL INFILE');

      const filter = ed.state().nodes.find((n) => n.data.type === 'filter')?.id ?? '';
      const file = ed.add('file-export');
      ed.link(filter, file);
      ed.state().updateStageConfig(file, { format: 'jsonl' });
      const matrixone3 = { dialect: 'matrixone', product: 'MatrixOne', version: '3.0.18' } as const;
      ed.state().setEnvironment({
        target: matrixone3,
        knownExternalStages: ['samples', 'exports'],
      });
      const onFormat = ed.state().diagnostics.filter((d) => d.stageId === file);
      expect(onFormat.map((d) => [d.code, d.path])).toEqual([
        ['unsupported-on-target', ['format']],
      ]);
      expect(onFormat[0]?.message).toMatch(/JSON lines export needs MatrixOne 4\.0/);
      expect(ed.state().errorCounts[file]).toBe(1);
    });
  });
});
