import { describe, expect, it } from 'vitest';

import {
  emptyFlowDocument,
  FlowDocumentSchema,
  FlowNameSchema,
  NOTE_LIMITS,
  STAGE_DESCRIPTION_MAX,
} from './flow-schema';

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

  it('holds a chain of 1,000 stages', () => {
    const stages = Array.from({ length: 1000 }, (_, i) => stage(`s${String(i)}`));
    const links = stages.slice(1).map((to, i) => ({
      id: `l${String(i)}`,
      source: { stageId: `s${String(i)}`, port: 'out' },
      target: { stageId: to.id, port: 'in' },
    }));
    expect(FlowDocumentSchema.safeParse({ schemaVersion: 1, stages, links }).success).toBe(true);
  });
});

describe('notes and stage descriptions', () => {
  const note = (id: string, text = '**Why** this flow') => ({ id, position: { x: 0, y: 0 }, text });

  it('accepts a version 1 document without either, as saved before they existed', () => {
    const doc = { schemaVersion: 1, stages: [stage('a')], links: [] };
    expect(FlowDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('keeps notes, their sizes and stage descriptions', () => {
    const doc = {
      schemaVersion: 1,
      stages: [{ ...stage('a'), description: 'Paid orders only' }],
      links: [],
      notes: [note('n1'), { ...note('n2'), size: { width: 300, height: 160 } }],
    };
    expect(FlowDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('refuses a note whose id is a stage id, naming the path', () => {
    const result = FlowDocumentSchema.safeParse({
      schemaVersion: 1,
      stages: [stage('a')],
      links: [],
      notes: [note('a')],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['notes.0.id', 'Note id "a" is already the id of a stage or another note'],
    ]);
  });

  it('says what to do about a note, a description or a note count over its limit', () => {
    const messages = (doc: unknown) =>
      FlowDocumentSchema.safeParse(doc).error?.issues.map((i) => i.message);
    const base = { schemaVersion: 1, stages: [stage('a')], links: [] };
    expect(
      messages({ ...base, notes: [note('n', 'x'.repeat(NOTE_LIMITS.textLength + 1))] }),
    ).toEqual([`A note holds at most ${NOTE_LIMITS.textLength} characters; split it in two`]);
    expect(
      messages({
        ...base,
        stages: [{ ...stage('a'), description: 'x'.repeat(STAGE_DESCRIPTION_MAX + 1) }],
      }),
    ).toEqual([`A description holds at most ${STAGE_DESCRIPTION_MAX} characters; shorten it`]);
    const many = Array.from({ length: NOTE_LIMITS.count + 1 }, (_, i) => note(`n${i}`));
    expect(messages({ ...base, notes: many })).toEqual([
      `A flow holds at most ${NOTE_LIMITS.count} notes`,
    ]);
  });

  it('refuses a note resized below its smallest size', () => {
    const small = { ...note('n'), size: { width: 10, height: 160 } };
    expect(
      FlowDocumentSchema.safeParse({ schemaVersion: 1, stages: [], links: [], notes: [small] })
        .error?.issues[0]?.path,
    ).toEqual(['notes', 0, 'size', 'width']);
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
