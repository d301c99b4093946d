import { describe, expect, it } from 'vitest';

import { cutFlow, FlowDocumentSchema } from '@sluice/flow';

import { DUCKDB } from '../test/build-flow';
import fixtureJson from '../test/fixtures/orders-pipeline.flow.json';
import { analyzeFlow } from './analyze-flow';
import { compileFlow } from './compile-flow';
import { destinationTables, fileRefs } from './file-refs';

/** src-1 → filter-1 → cols-1, which feeds both dest-1 (a table) and export-1 (a file). */
const fixture = FlowDocumentSchema.parse(fixtureJson);

function cutPlan(selected: string[]) {
  const cut = cutFlow(fixture, selected);
  if (!cut.ok) throw new Error(`unknown stages ${cut.unknown.join(', ')}`);
  const analysis = analyzeFlow(cut.flow);
  return { analysis, ...compileFlow(analysis, { target: DUCKDB, runTag: 'r1' }) };
}

describe('a flow cut to a selection compiles to a plan of only that part', () => {
  it('runs up to a processor with no write and no export', () => {
    const { plan, diagnostics, analysis } = cutPlan(['filter-1']);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'unconnected-output'],
      ['warning', 'no-destination'],
    ]);
    expect(plan?.steps.filter((s) => s.phase === 'write' || s.phase === 'export')).toEqual([]);
    expect(destinationTables(analysis)).toEqual([]);
  });

  it('writes the selected table and not the export beside it', () => {
    const { plan, analysis } = cutPlan(['dest-1']);
    expect(plan?.steps.map((s) => s.stageId)).not.toContain('export-1');
    expect(destinationTables(analysis)).toEqual([{ name: 'paid' }]);
    expect(fileRefs(analysis).map((f) => f.mode)).toEqual(['read']);
  });

  it('writes both destinations when both are selected', () => {
    const { plan } = cutPlan(['dest-1', 'export-1']);
    expect(plan?.steps.map((s) => s.stageId)).toEqual(
      expect.arrayContaining(['dest-1', 'export-1']),
    );
  });
});
