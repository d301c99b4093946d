import { describe, expect, it } from 'vitest';

import { graphDocument } from '../test/graph-documents';
import { diagnosticLine } from './diagnostic-line';
import { diagnostic } from './diagnostics';

describe('diagnosticLine', () => {
  const document = graphDocument(['paid'], []);
  document.stages[0]!.label = 'Paid orders';

  it('names the stage by label and id, then the field', () => {
    const d = diagnostic(
      'unknown-external-stage',
      { name: 'lake' },
      {
        stageId: 'paid',
        path: ['externalStage'],
      },
    );
    expect(diagnosticLine(d, document)).toBe(
      'Paid orders (paid) externalStage: External stage "lake" does not exist. Pick one from the list or create it.',
    );
  });

  it('names the stage by id alone without the document, and the flow for flow-wide problems', () => {
    const missing = diagnostic('missing-input', { port: 'in' }, { stageId: 'paid' });
    expect(diagnosticLine(missing)).toBe(
      'paid: Input "in" is not connected. Link a stage into it.',
    );
    expect(diagnosticLine(diagnostic('no-destination', {}))).toMatch(
      /^flow: The flow has no destination/,
    );
  });
});
