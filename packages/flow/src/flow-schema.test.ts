import { describe, expect, it } from 'vitest';

import { emptyFlowDocument, FlowDocumentSchema, FlowNameSchema } from './flow-schema';

const stage = (id: string) => ({
  id,
  type: 'filter',
  typeVersion: 1,
  label: 'F',
  position: { x: 1, y: 2 },
  config: { condition: 'TRUE' },
});

describe('FlowDocumentSchema', () => {
  it('accepts the empty document', () => {
    expect(FlowDocumentSchema.parse(emptyFlowDocument())).toEqual({
      schemaVersion: 1,
      stages: [],
      links: [],
    });
  });

  it('refuses duplicate stage ids and links to missing stages, naming the path', () => {
    const result = FlowDocumentSchema.safeParse({
      schemaVersion: 1,
      stages: [stage('a'), stage('a')],
      links: [
        {
          id: 'l1',
          source: { stageId: 'a', port: 'out' },
          target: { stageId: 'gone', port: 'in' },
        },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['stages.1.id', 'Duplicate stage id "a"'],
      ['links.0.target.stageId', 'Link "l1" points at a stage that does not exist ("gone")'],
    ]);
  });

  it('refuses ids that could not be used safely as names', () => {
    const result = FlowDocumentSchema.safeParse({
      schemaVersion: 1,
      stages: [stage('a"; drop')],
      links: [],
    });
    expect(result.error?.issues[0]?.path).toEqual(['stages', 0, 'id']);
  });

  it('refuses a document of another version', () => {
    expect(FlowDocumentSchema.safeParse({ schemaVersion: 2, stages: [], links: [] }).success).toBe(
      false,
    );
  });
});

describe('FlowNameSchema', () => {
  it('keeps quotes, backticks, backslashes and unicode, and trims', () => {
    expect(FlowNameSchema.parse('  O\'Brien `x` \\ "q" 数据 🚰 ')).toBe(
      'O\'Brien `x` \\ "q" 数据 🚰',
    );
  });

  it('refuses a blank name with a message', () => {
    expect(FlowNameSchema.safeParse('   ').error?.issues[0]?.message).toBe('A flow needs a name');
  });
});
