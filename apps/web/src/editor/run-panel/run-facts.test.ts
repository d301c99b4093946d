import { describe, expect, it } from 'vitest';

import type { RunDetail } from '../store/run-types';
import { rowsWritten, runFacts, runParameters } from './run-facts';

const run: RunDetail = {
  id: 'r1',
  flowId: 'f1',
  flowVersion: 3,
  state: 'succeeded',
  startedBy: 'rerun',
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.500Z',
  stages: [
    { stageId: 'src', label: 'Orders', type: 'file-source', state: 'succeeded', rows: 5000 },
    { stageId: 'f', label: 'Paid', type: 'filter', state: 'succeeded', rows: 1000 },
    {
      stageId: 't',
      label: 'Table',
      type: 'table-destination',
      state: 'succeeded',
      rows: 1000,
      tableRows: 3000,
    },
    { stageId: 'e', label: 'Export', type: 'file-export', state: 'succeeded', rows: 1000 },
  ],
};

describe('run facts', () => {
  it('counts the rows destinations wrote, not what sources read', () => {
    expect(rowsWritten(run)).toBe(2000);
  });

  it('says version, time, rows written and who started the run', () => {
    expect(runFacts(run)).toBe('version 3 · 1.5 s · 2,000 rows · by re-run');
  });

  it('leaves out who started a run recorded before Sluice kept it', () => {
    const { startedBy: _, ...older } = run;
    expect(runFacts({ ...older, stages: [] })).toBe('version 3 · 1.5 s · 0 rows');
  });
});

describe('run parameters', () => {
  it('lists the values a run ran with, and nothing for a run without', () => {
    expect(runParameters({ ...run, parameters: { month: '2026-11', strict: true, top: 3 } })).toBe(
      'month = 2026-11, strict = true, top = 3',
    );
    expect(runParameters(run)).toBe('');
  });
});
