import { describe, expect, it } from 'vitest';

import { DocumentVersionError, migrateFlowDocument } from './migrations';

describe('migrateFlowDocument', () => {
  it('reads a version 1 document as it is', () => {
    const doc = { schemaVersion: 1, stages: [], links: [] };
    expect(migrateFlowDocument(doc)).toEqual(doc);
  });

  it('reads back notes and stage descriptions as they were stored', () => {
    const doc = {
      schemaVersion: 1,
      stages: [
        {
          id: 'a',
          type: 'filter',
          typeVersion: 1,
          label: 'Paid',
          description: 'Only paid orders go on',
          position: { x: 0, y: 0 },
          config: {},
        },
      ],
      links: [],
      notes: [{ id: 'note-1', position: { x: 10, y: 20 }, text: '# Orders' }],
    };
    expect(migrateFlowDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('treats a document without a version as version 1', () => {
    expect(migrateFlowDocument({ stages: [], links: [] }).schemaVersion).toBe(1);
  });

  it('refuses a document from a newer Sluice, saying so', () => {
    expect(() => migrateFlowDocument({ schemaVersion: 99, stages: [], links: [] })).toThrow(
      DocumentVersionError,
    );
    expect(() => migrateFlowDocument({ schemaVersion: 99, stages: [], links: [] })).toThrow(
      /newer Sluice/,
    );
  });

  it('refuses something that is not a document', () => {
    expect(() => migrateFlowDocument('nope')).toThrow('A flow document must be an object.');
  });
});
