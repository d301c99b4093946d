import { describe, expect, it } from 'vitest';

import type { DeduplicateConfig } from './deduplicate.stage';
import { DeduplicateConfigSchema, deduplicateStage } from './deduplicate.stage';

const input = [
  { name: 'id', type: 'BIGINT' as const },
  { name: 'customer', type: 'VARCHAR' as const },
  { name: 'amount', type: 'DOUBLE' as const },
];
const ctxOf = (
  config: Partial<DeduplicateConfig>,
  inputs: { in?: typeof input } = { in: input },
) => ({
  stageId: 'd',
  config: { ...deduplicateStage.defaults, ...config },
  inputs,
});
const column = (name: string, path: (string | number)[]) => ({ kind: 'column', name, path });

describe('deduplicate stage', () => {
  it('passes its input columns through', () => {
    expect(deduplicateStage.outputColumns(ctxOf({ keys: ['customer'] }))).toEqual(input);
  });

  it('keeps whole rows once without keys, whatever the order says', () => {
    const order = [{ column: 'amount', direction: 'desc' as const, nulls: 'last' as const }];
    expect(deduplicateStage.compile(ctxOf({ order }))).toEqual({
      op: 'distinct-on',
      input: { op: 'input', port: 'in' },
      keys: [],
      order: [],
    });
  });

  it('orders by its keys, then every other column ascending with NULLs first', () => {
    const order = [{ column: 'amount', direction: 'desc' as const, nulls: 'last' as const }];
    expect(deduplicateStage.compile(ctxOf({ keys: ['customer'], order }))).toEqual({
      op: 'distinct-on',
      input: { op: 'input', port: 'in' },
      keys: [column('customer', ['keys', 0])],
      order: [
        { expr: column('amount', ['order', 0, 'column']), direction: 'desc', nulls: 'last' },
        { expr: column('id', ['order']), direction: 'asc', nulls: 'first' },
      ],
      columns: ['id', 'customer', 'amount'],
    });
  });

  it('keeps the last row by reversing every order key, NULL placement included', () => {
    const order = [{ column: 'AMOUNT', direction: 'desc' as const, nulls: 'last' as const }];
    const node = deduplicateStage.compile(ctxOf({ keys: ['customer'], keep: 'last', order }));
    expect(node.op === 'distinct-on' && node.order).toEqual([
      { expr: column('AMOUNT', ['order', 0, 'column']), direction: 'asc', nulls: 'first' },
      { expr: column('id', ['order']), direction: 'desc', nulls: 'last' },
    ]);
  });

  it('orders by its own order alone while the input columns are unknown', () => {
    const node = deduplicateStage.compile(ctxOf({ keys: ['customer'] }, {}));
    expect(node).toEqual({
      op: 'distinct-on',
      input: { op: 'input', port: 'in' },
      keys: [column('customer', ['keys', 0])],
      order: [],
    });
  });

  it('marks unknown key and order columns at their rows, offering the closest', () => {
    const order = [
      { column: 'amount', direction: 'asc' as const, nulls: 'last' as const },
      { column: 'amout', direction: 'asc' as const, nulls: 'last' as const },
    ];
    const found = deduplicateStage.check?.(ctxOf({ keys: ['id', 'custmer'], order })) ?? [];
    expect(found.map((d) => [d.code, d.path, d.message])).toEqual([
      ['unknown-column', ['keys', 1], 'Unknown column "custmer"; did you mean "customer"?'],
      ['unknown-column', ['order', 1, 'column'], 'Unknown column "amout"; did you mean "amount"?'],
    ]);
    expect(deduplicateStage.check?.(ctxOf({ keys: ['x'] }, {}))).toEqual([]);
  });

  it('refuses a key listed twice, in any case, at the repeat', () => {
    const parsed = DeduplicateConfigSchema.safeParse({
      keys: ['id', 'customer', 'ID'],
      keep: 'first',
      order: [],
    });
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['keys', 2], '"ID" is used twice.'],
    ]);
  });

  it('hides keep and order while there are no keys', () => {
    const { keep, order } = deduplicateStage.ui.fields;
    expect(keep?.hiddenWhen?.(deduplicateStage.defaults)).toBe(true);
    expect(order?.hiddenWhen?.({ ...deduplicateStage.defaults, keys: ['id'] })).toBe(false);
  });
});
