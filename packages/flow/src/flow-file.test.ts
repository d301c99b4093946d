import { describe, expect, it } from 'vitest';

import type { FlowDocument } from './flow-schema';
import type { DocumentMigration } from './migrations';
import {
  credentialIssues,
  FlowFileError,
  flowFileText,
  formatFlowFileIssue,
  readFlowFile,
  writeFlowFile,
} from './flow-file';

const document: FlowDocument = {
  schemaVersion: 1,
  stages: [
    {
      id: 'orders',
      type: 'file-source',
      typeVersion: 1,
      label: 'Orders',
      position: { x: 0, y: 0 },
      config: { externalStage: 'samples', path: 'orders.csv' },
    },
    {
      id: 'paid',
      type: 'filter',
      typeVersion: 1,
      label: 'Paid',
      description: 'Only paid orders go on',
      position: { x: 200, y: 0 },
      config: { condition: "status = 'paid'" },
    },
  ],
  links: [
    {
      id: 'l1',
      source: { stageId: 'orders', port: 'out' },
      target: { stageId: 'paid', port: 'in' },
    },
  ],
  notes: [{ id: 'note', position: { x: 0, y: 100 }, text: '# Paid orders' }],
};

const fileOf = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'sluice-flow',
  schemaVersion: 1,
  name: 'Paid orders',
  document,
  externalStages: ['samples'],
  ...overrides,
});

function issuesOf(input: unknown): string[] {
  const result = readFlowFile(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues.map(formatFlowFileIssue);
}

describe('writeFlowFile and readFlowFile', () => {
  it('read back exactly what was written, through the JSON text', () => {
    const file = writeFlowFile({
      name: 'Paid orders',
      description: 'Orders that were paid',
      document,
      externalStages: ['samples', 'exports', 'samples'],
    });
    expect(file.externalStages).toEqual(['exports', 'samples']);
    const read = readFlowFile(flowFileText(file));
    expect(read).toEqual({ ok: true, file });
  });

  it('refuses to write a document whose config carries a password', () => {
    const leaky: FlowDocument = {
      ...document,
      stages: [{ ...document.stages[1]!, config: { condition: 'TRUE', password: 'hunter2' } }],
      links: [],
    };
    expect(() =>
      writeFlowFile({ name: 'Leaky', document: leaky, externalStages: [] }),
    ).toThrowError(FlowFileError);
    expect(() => writeFlowFile({ name: 'Leaky', document: leaky, externalStages: [] })).toThrow(
      /document\.stages\.0\.config\.password: "password" looks like a credential/,
    );
  });
});

describe('readFlowFile migration', () => {
  it('migrates a document of an older schema version and says from which', () => {
    const renameCondition: DocumentMigration = {
      id: 'filter-where-to-condition',
      from: 0,
      up: (doc) => ({
        ...doc,
        stages: (doc.stages as Record<string, unknown>[]).map(({ where, ...stage }) => ({
          ...stage,
          config: { condition: where },
        })),
      }),
    };
    const old = {
      schemaVersion: 0,
      stages: [{ ...document.stages[1]!, config: undefined, where: 'amount > 10' }],
      links: [],
    };
    const result = readFlowFile(fileOf({ schemaVersion: 0, document: old, externalStages: [] }), [
      renameCondition,
    ]);
    expect(result.ok && result.migratedFrom).toBe(0);
    expect(result.ok && result.file.schemaVersion).toBe(1);
    expect(result.ok && result.file.document.stages[0]?.config).toEqual({
      condition: 'amount > 10',
    });
  });

  it('refuses a file from a newer Sluice at its schema version', () => {
    expect(
      issuesOf(fileOf({ schemaVersion: 7, document: { ...document, schemaVersion: 7 } })),
    ).toEqual([
      'schemaVersion: This flow was saved by a newer Sluice (document version 7; this one reads up to 1).',
    ]);
  });
});

describe('readFlowFile refuses malformed and hostile files, saying where', () => {
  it('text that is not JSON', () => {
    expect(issuesOf('{"format": "sluice-flow",')[0]).toMatch(/^The file is not JSON/);
  });

  it('JSON that is not an object', () => {
    expect(issuesOf('[1, 2]')).toEqual(['A flow file is a JSON object.']);
    expect(issuesOf('null')).toEqual(['A flow file is a JSON object.']);
  });

  it('another format, a missing name and a missing document', () => {
    expect(issuesOf({ format: 'n8n', externalStages: [], schemaVersion: 1 })).toEqual([
      'format: Not a Sluice flow file: "format" must be "sluice-flow"',
      'name: Invalid input: expected string, received undefined',
      'document: Invalid input: expected record, received undefined',
    ]);
  });

  it('a document that breaks the flow schema, at the path inside the document', () => {
    const broken = { ...document, stages: [document.stages[0], document.stages[0]] };
    expect(issuesOf(fileOf({ document: broken }))).toEqual([
      'document.stages.1.id: Duplicate stage id "orders"',
      'document.links.0.target.stageId: Link "l1" points at a stage that does not exist ("paid")',
    ]);
  });

  it('a document and file that disagree on the schema version', () => {
    expect(issuesOf(fileOf({ document: { ...document, schemaVersion: 0 } }))).toEqual([
      'document.schemaVersion: The document says version 0 but the file says 1; make them agree.',
    ]);
  });

  it('credential-like config keys, however deep', () => {
    const stage = {
      ...document.stages[0]!,
      config: { options: { s3: { secretAccessKey: 'x' } }, apiKey: 'y', path: 'a.csv' },
    };
    expect(issuesOf(fileOf({ document: { ...document, stages: [stage], links: [] } }))).toEqual([
      'document.stages.0.config.options.s3.secretAccessKey: "secretAccessKey" looks like a credential; a flow file never carries secrets. Remove it, and keep credentials on an external stage.',
      'document.stages.0.config.apiKey: "apiKey" looks like a credential; a flow file never carries secrets. Remove it, and keep credentials on an external stage.',
    ]);
  });

  it('a URL with a password in a note, a label or the description', () => {
    const url = 'mysql://app:s3cret@db.example.com/shop';
    const leaky = {
      ...document,
      stages: [{ ...document.stages[0]!, label: `From ${url}` }, document.stages[1]],
      notes: [{ id: 'note', position: { x: 0, y: 0 }, text: `Connect with ${url}` }],
    };
    const paths = readFlowFile(fileOf({ document: leaky, description: url }));
    expect(!paths.ok && paths.issues.map((issue) => issue.path.join('.'))).toEqual([
      'description',
      'document.stages.0.label',
      'document.notes.0.text',
    ]);
  });

  it('keeps a URL without a password and config keys that only resemble a secret', () => {
    const keys = { keys: [{ left: 'id', right: 'id' }], url: 'https://example.com/a.csv' };
    const stage = { ...document.stages[1]!, config: keys };
    expect(credentialIssues({ ...document, stages: [stage] })).toEqual([]);
  });
});
