import { describe, expect, it } from 'vitest';

import {
  ParametersSchema,
  readParameterValue,
  referencedParameters,
  resolveParameterValues,
} from './flow-parameters';
import { FlowDocumentSchema } from './flow-schema';

const declared = [
  { name: 'run_date', type: 'date' as const, default: '2026-01-31' },
  { name: 'min_amount', type: 'decimal' as const, default: '10.5' },
  { name: 'top', type: 'integer' as const, default: 3 },
  { name: 'region', type: 'string' as const, default: 'north' },
  { name: 'strict', type: 'boolean' as const, default: false },
];

describe('readParameterValue', () => {
  it.each([
    ['integer', '42', 42],
    ['integer', -7, -7],
    ['decimal', ' 12.50 ', '12.50'],
    ['decimal', 3.25, '3.25'],
    ['date', '2024-02-29', '2024-02-29'],
    ['boolean', 'true', true],
    ['boolean', false, false],
    ['string', "it's \\ */ ; DROP", "it's \\ */ ; DROP"],
  ] as const)('reads %s %j', (type, input, value) => {
    expect(readParameterValue(type, input)).toEqual({ ok: true, value });
  });

  it.each([
    ['integer', '4.5'],
    ['integer', 2 ** 60],
    ['integer', '1; DROP TABLE t'],
    ['decimal', '1e400'],
    ['decimal', 'NaN'],
    ['date', '2026-02-30'],
    ['date', "2026-01-01' OR 1=1"],
    ['boolean', 'yes'],
    ['string', 5],
  ] as const)('refuses %s %j, saying what is expected', (type, input) => {
    const read = readParameterValue(type, input);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toMatch(/^Expected |^Must not/);
  });
});

describe('ParametersSchema', () => {
  it('refuses a default of the wrong type and a name used twice, on the field', () => {
    const result = ParametersSchema.safeParse([
      { name: 'day', type: 'date', default: 'yesterday' },
      { name: 'day', type: 'string', default: 'x' },
      { name: '1st', type: 'string', default: 'x' },
    ]);
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path, i.message]);
    expect(issues).toEqual([
      [[0, 'default'], 'Expected a date written YYYY-MM-DD'],
      [[2, 'name'], 'Start with a letter or "_", then use letters, digits and "_" only'],
      [[1, 'name'], '"day" is declared twice'],
    ]);
  });

  it('is an optional part of the flow document', () => {
    const doc = { schemaVersion: 1, stages: [], links: [], parameters: declared };
    expect(FlowDocumentSchema.parse(doc).parameters).toEqual(declared);
    expect(FlowDocumentSchema.parse({ ...doc, parameters: undefined }).parameters).toBeUndefined();
  });
});

describe('resolveParameterValues', () => {
  it('takes the defaults for values not given and reads the given ones for their type', () => {
    expect(resolveParameterValues(declared, { top: '5', strict: 'true' })).toEqual({
      problems: [],
      values: { run_date: '2026-01-31', min_amount: '10.5', top: 5, region: 'north', strict: true },
    });
  });

  it('names each unknown parameter and each value of the wrong type', () => {
    expect(resolveParameterValues(declared, { day: '1', top: 'many' })).toEqual({
      values: { run_date: '2026-01-31', min_amount: '10.5', region: 'north', strict: false },
      problems: [
        {
          name: 'day',
          message:
            'The flow has no parameter "day" (it declares: run_date, min_amount, top, region, strict)',
        },
        {
          name: 'top',
          message:
            'Parameter "top" (integer): Expected a whole number such as 42 (at most 9007199254740991 in size), not "many"',
        },
      ],
    });
  });
});

describe('referencedParameters', () => {
  it('lists each name referenced once, in order', () => {
    expect(referencedParameters('a = ${x} AND b = ${ y } OR c = ${x}')).toEqual(['x', 'y']);
  });
});
