import { describe, expect, it } from 'vitest';

import { FlowDocumentSchema } from '@sluice/flow';

import { DUCKDB } from '../test/build-flow';
import fixtureJson from '../test/fixtures/orders-pipeline.flow.json';
import { previewFlow } from './preview-flow';

const fixture = FlowDocumentSchema.parse(fixtureJson);

describe('previewFlow', () => {
  it('shows every step, cleanup included, with files named by their external stage', () => {
    const { steps, diagnostics } = previewFlow(fixture, { target: DUCKDB });
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.phase)).toContain('cleanup');
    expect(steps[0]?.sql).toContain("read_csv('stage://samples/orders.csv'");
  });

  it('flags files of external stages the target does not have, and then shows no steps', () => {
    const { steps, diagnostics } = previewFlow(fixture, {
      target: DUCKDB,
      knownExternalStages: ['samples'],
    });
    expect(steps).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unknown-external-stage', 'export-1', ['externalStage']],
    ]);
  });
});
