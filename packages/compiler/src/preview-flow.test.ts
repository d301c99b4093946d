import { afterEach, describe, expect, it, vi } from 'vitest';

import { FlowDocumentSchema } from '@sluice/flow';
import { stages } from '@sluice/stages';

import { DUCKDB, flow, stage } from '../test/build-flow';
import fixtureJson from '../test/fixtures/orders-pipeline.flow.json';
import { analyzeFlow, withDetectedColumns } from './analyze-flow';
import { compileFlow } from './compile-flow';
import { destinationTables, fileRefs } from './file-refs';
import { previewFlow } from './preview-flow';

const fixture = FlowDocumentSchema.parse(fixtureJson);

describe('previewFlow', () => {
  it('shows every step, cleanup included, with files named by their external stage', () => {
    const { steps, diagnostics } = previewFlow(analyzeFlow(fixture), { target: DUCKDB });
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.phase)).toContain('cleanup');
    expect(steps[0]?.sql).toContain("read_csv('stage://samples/orders.csv'");
  });

  it('flags files of external stages the target does not have, and then shows no steps', () => {
    const { steps, diagnostics } = previewFlow(analyzeFlow(fixture), {
      target: DUCKDB,
      knownExternalStages: ['samples'],
    });
    expect(steps).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unknown-external-stage', 'export-1', ['externalStage']],
    ]);
  });

  it('flags files of a disabled external stage with what to do, and then shows no steps', () => {
    const { steps, diagnostics } = previewFlow(analyzeFlow(fixture), {
      target: DUCKDB,
      disabledExternalStages: ['samples'],
    });
    expect(steps).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        'disabled-external-stage',
        ['externalStage'],
        'External stage "samples" is disabled: enable it on the External stages page, or pick another.',
      ],
    ]);
  });
});

describe('one analysis', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('compiles each stage once for the diagnostics, preview, file references and destinations', () => {
    const compiles = Object.values(stages).map((stage) => vi.spyOn(stage, 'compile'));
    const analysis = analyzeFlow(fixture);
    previewFlow(analysis, { target: DUCKDB, knownExternalStages: ['samples'] });
    fileRefs(analysis);
    destinationTables(analysis);
    const calls = compiles.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    expect(calls).toBe(fixture.stages.length);
  });

  it('runs only the column pass again for detected columns, and not at all without them', () => {
    const doc = flow(
      [
        stage('src', 'file-source', { externalStage: 'samples', path: 'orders.csv' }),
        stage('f', 'filter', { condition: 'amout > 0' }),
        stage('d', 'table-destination', { table: 'paid' }),
      ],
      ['src->f', 'f->d'],
    );
    const analysis = analyzeFlow(doc);
    expect(analysis.diagnostics.map((d) => d.code)).not.toContain('unknown-column');
    expect(withDetectedColumns(analysis, {})).toBe(analysis);
    const parse = vi.spyOn(stages.filter.config, 'safeParse');
    const detected = withDetectedColumns(analysis, { src: [{ name: 'amount', type: 'DOUBLE' }] });
    expect(parse).not.toHaveBeenCalled();
    expect(detected.columns.f).toEqual([{ name: 'amount', type: 'DOUBLE' }]);
    const compiled = compileFlow(analysis, {
      target: DUCKDB,
      runTag: 'r1',
      detectedColumns: { src: [{ name: 'amount', type: 'DOUBLE' }] },
    });
    expect(compiled.diagnostics.map((d) => [d.code, d.stageId])).toContainEqual([
      'unknown-column',
      'f',
    ]);
  });
});
