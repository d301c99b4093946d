import { describe, expect, it } from 'vitest';

import type { JoinConfig } from './join.stage';
import { JoinConfigSchema, joinStage } from './join.stage';

const orders = [
  { name: 'id', type: 'BIGINT' as const },
  { name: 'customer', type: 'VARCHAR' as const },
  { name: 'amount', type: 'DOUBLE' as const },
];
const customers = [
  { name: 'Customer', type: 'VARCHAR' as const },
  { name: 'id', type: 'BIGINT' as const },
  { name: 'country', type: 'VARCHAR' as const },
  { name: 'since', type: 'DATE' as const },
];
const config = (patch: Partial<JoinConfig> = {}): JoinConfig => ({
  kind: 'left',
  keys: [{ left: 'customer', right: 'Customer' }],
  leftPrefix: 'left_',
  rightPrefix: 'right_',
  ...patch,
});
const ctxOf = (patch: Partial<JoinConfig> = {}, inputs = { left: orders, right: customers }) => ({
  stageId: 'j',
  config: config(patch),
  inputs,
});
const checked = (
  patch: Partial<JoinConfig>,
  inputs?: { left: typeof orders; right: typeof customers },
) => (joinStage.check?.(ctxOf(patch, inputs)) ?? []).map((d) => [d.severity, d.path, d.message]);

describe('join stage', () => {
  it('outputs a key pair of one name once, prefixes the other clashing names, keeps types', () => {
    expect(joinStage.outputColumns(ctxOf())).toEqual([
      { name: 'left_id', type: 'BIGINT' },
      { name: 'customer', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'right_id', type: 'BIGINT' },
      { name: 'country', type: 'VARCHAR' },
      { name: 'since', type: 'DATE' },
    ]);
  });

  it('keeps both columns of a key pair whose names or types differ, prefixed where they clash', () => {
    const ids = ctxOf({ keys: [{ left: 'id', right: 'id' }], leftPrefix: 'o_', rightPrefix: '' });
    expect(joinStage.outputColumns(ids)?.map((c) => c.name)).toEqual([
      'id',
      'o_customer',
      'amount',
      'Customer',
      'country',
      'since',
    ]);
    const typed = ctxOf(
      { keys: [{ left: 'id', right: 'id' }] },
      {
        left: orders,
        right: [{ name: 'id', type: 'VARCHAR' as const }],
      },
    );
    expect(joinStage.outputColumns(typed)?.map((c) => c.name)).toEqual([
      'left_id',
      'customer',
      'amount',
      'right_id',
    ]);
  });

  it('compiles to a join of its two ports with column keys pointing back at their rows', () => {
    const node = joinStage.compile(ctxOf({ kind: 'full' }));
    expect(node).toMatchObject({
      op: 'join',
      kind: 'full',
      left: { op: 'input', port: 'left' },
      right: { op: 'input', port: 'right' },
      keys: [
        {
          left: { kind: 'column', name: 'customer', path: ['keys', 0, 'left'] },
          right: { kind: 'column', name: 'Customer', path: ['keys', 0, 'right'] },
        },
      ],
    });
    expect(node.op === 'join' && node.columns?.[1]).toEqual({
      left: 'customer',
      right: 'Customer',
      as: 'customer',
      type: 'VARCHAR',
    });
  });

  it('names no output columns while either input is only known when the flow runs', () => {
    const unknown = { ...ctxOf(), inputs: { left: orders } };
    expect(joinStage.outputColumns(unknown)).toBeUndefined();
    expect(joinStage.compile(unknown)).not.toHaveProperty('columns');
  });

  it('asks for a key pair, whatever the inputs', () => {
    expect(joinStage.check?.({ ...ctxOf({ keys: [] }), inputs: {} })).toEqual([
      expect.objectContaining({ path: ['keys'], message: 'Pick at least one key pair.' }),
    ]);
  });

  it('marks a key naming no column of its side, offering the closest', () => {
    expect(
      checked({
        keys: [
          { left: 'custmer', right: 'customer' },
          { left: 'id', right: 'idd' },
        ],
      }),
    ).toEqual([
      ['error', ['keys', 0, 'left'], 'Unknown column "custmer"; did you mean "customer"?'],
      ['error', ['keys', 1, 'right'], 'Unknown column "idd"; did you mean "id"?'],
    ]);
  });

  it('warns on key types that do not compare alike, and not on numbers of two widths', () => {
    const found = checked({
      keys: [
        { left: 'amount', right: 'id' },
        { left: 'id', right: 'since' },
      ],
    });
    expect(found).toEqual([
      [
        'warning',
        ['keys', 1],
        expect.stringContaining('"id" (BIGINT) and "since" (DATE) are not alike types'),
      ],
    ]);
  });

  it.each([
    [
      { leftPrefix: '', rightPrefix: '' },
      ['rightPrefix'],
      '"id" is a column of both inputs and the right prefix is empty; enter one so the two stay apart.',
    ],
    [
      { leftPrefix: 'x_', rightPrefix: 'x_' },
      ['rightPrefix'],
      'The right prefix makes "x_id", which another output column is already named; pick another prefix.',
    ],
  ])(
    'refuses prefixes %j that leave two columns one name, on the prefix',
    (patch, path, message) => {
      expect(checked(patch)).toEqual([['error', path, message]]);
    },
  );

  it('refuses a prefix that makes a name the input already has, on that prefix', () => {
    const left = [...orders, { name: 'LEFT_ID', type: 'BIGINT' as const }];
    expect(checked({}, { left, right: customers })).toEqual([
      [
        'error',
        ['leftPrefix'],
        'The left prefix makes "left_id", which another output column is already named; pick another prefix.',
      ],
    ]);
  });

  it('refuses an unknown kind and a prefix with a NUL at their fields', () => {
    const parsed = JoinConfigSchema.safeParse({ ...config(), kind: 'outer', leftPrefix: 'a\0' });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['kind'], ['leftPrefix']]);
  });
});
