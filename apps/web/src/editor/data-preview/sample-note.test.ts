import { describe, expect, it } from 'vitest';

import { sampleNote } from './sample-note';

describe('sampleNote', () => {
  it('names the sample size, the rows each source gave and the rows shown', () => {
    const note = sampleNote(
      {
        rows: [[1], [2], [3]],
        sampleRows: 10_000,
        sources: [
          { stageId: 'a', rows: 10_000 },
          { stageId: 'b', rows: 40 },
        ],
      },
      (id) => `"${id}"`,
    );
    expect(note).toBe(
      'Sample of the first 10,000 rows of each source ("a": 10,000 read, "b": 40 read). Showing 3 rows.',
    );
  });

  it('says one row', () => {
    const note = sampleNote({ rows: [[1]], sampleRows: 50, sources: [] }, (id) => id);
    expect(note).toBe('Sample of the first 50 rows of each source. Showing 1 row.');
  });
});
