import { describe, expect, it } from 'vitest';

import type { Column } from './stage-ir';
import type { UnionConfig } from './union.stage';
import { UnionConfigSchema, unionStage } from './union.stage';

const first: Column[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
];
const ctxOf = (config: Partial<UnionConfig>, second: Column[] | undefined, one = first) => ({
  stageId: 'u',
  config: { ...unionStage.defaults, ...config },
  inputs: { first: one, second },
});
const reordered: Column[] = [
  { name: 'Amount', type: 'DOUBLE' },
  { name: 'id', type: 'BIGINT' },
  { name: 'customer', type: 'VARCHAR' },
];
const messages = (config: Partial<UnionConfig>, second: Column[]) =>
  unionStage.check?.(ctxOf(config, second)).map((d) => [d.severity, d.path, d.message]);
const listed = (port: string, names: string[]) => ({
  op: 'project',
  input: { op: 'input', port },
  columns: names.map((name, i) => ({
    expr: { kind: 'column', name, path: ['by'] },
    as: first[i]?.name,
  })),
});

describe('union stage', () => {
  it('has all rows by name by default, and refuses other choices', () => {
    expect(unionStage.defaults).toEqual({ keep: 'all', by: 'name' });
    const parsed = UnionConfigSchema.safeParse({ keep: 'some', by: 'order' });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['keep'], ['by']]);
  });

  it("lists the second input's columns in the first input's order when matching by name", () => {
    expect(unionStage.compile(ctxOf({ keep: 'distinct' }, reordered))).toEqual({
      op: 'union',
      inputs: [
        listed('first', ['id', 'customer', 'amount']),
        listed('second', ['id', 'customer', 'Amount']),
      ],
      all: false,
      columns: first,
    });
    expect(unionStage.outputColumns(ctxOf({}, reordered))).toEqual(first);
  });

  it('pairs columns in order by position, taking the first input names', () => {
    const second = [{ name: 'key' }, { name: 'who' }, { name: 'total' }];
    expect(unionStage.compile(ctxOf({ by: 'position' }, second))).toEqual({
      op: 'union',
      inputs: [
        listed('first', ['id', 'customer', 'amount']),
        listed('second', ['key', 'who', 'total']),
      ],
      all: true,
      columns: first.map(({ name }) => ({ name })),
    });
    expect(unionStage.check?.(ctxOf({ by: 'position' }, second))).toEqual([]);
    expect(unionStage.outputColumns(ctxOf({ by: 'position' }, second))).toEqual(
      first.map(({ name }) => ({ name })),
    );
  });

  it('reads the inputs as they are while their columns are not known', () => {
    expect(unionStage.compile(ctxOf({}, undefined))).toEqual({
      op: 'union',
      inputs: [
        { op: 'input', port: 'first' },
        { op: 'input', port: 'second' },
      ],
      all: true,
    });
    expect(unionStage.outputColumns(ctxOf({}, undefined))).toEqual(
      first.map(({ name }) => ({ name })),
    );
    expect(unionStage.check?.(ctxOf({}, undefined))).toEqual([]);
  });

  it('lists missing and extra names on its "by" field, with the name most likely meant', () => {
    const second = [{ name: 'ID' }, { name: 'amuont' }, { name: 'note' }];
    expect(messages({}, second)).toEqual([
      [
        'error',
        ['by'],
        'Union by name needs the same column names in both inputs: the second input lacks "customer", "amount" and has "amuont" (did you mean "amount"?), "note", which the first does not.',
      ],
    ]);
  });

  it('refuses inputs with different numbers of columns by position', () => {
    expect(messages({ by: 'position' }, reordered.slice(1))).toEqual([
      [
        'error',
        ['by'],
        'Union by position needs as many columns in both inputs: the first has 3, the second 2.',
      ],
    ]);
  });

  it('warns of types that differ, naming the type that wins, and refuses ones no target mixes', () => {
    const second: Column[] = [
      { name: 'id', type: 'INTEGER' },
      { name: 'customer', type: 'BOOLEAN' },
      { name: 'amount', type: 'DATE' },
    ];
    expect(messages({ by: 'position' }, second)).toEqual([
      [
        'warning',
        ['by'],
        'Column "id" is BIGINT in the first input and INTEGER in the second; the output column is BIGINT.',
      ],
      [
        'warning',
        ['by'],
        'Column "customer" is VARCHAR in the first input and BOOLEAN in the second; the output column is VARCHAR. The other values become text, which targets may spell differently (true or 1); cast them first to choose.',
      ],
      [
        'error',
        ['by'],
        'Column "amount" is DOUBLE in the first input and DATE in the second, which no target combines; cast one of them first.',
      ],
    ]);
    expect(unionStage.outputColumns(ctxOf({ by: 'position' }, second))).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'customer', type: 'VARCHAR' },
      { name: 'amount' },
    ]);
  });
});
