import { describe, expect, it } from 'vitest';

import { aggregateType } from './column-types';

describe('aggregateType', () => {
  it.each([
    ['count', undefined, 'BIGINT'],
    ['count-distinct', 'VARCHAR', 'BIGINT'],
    ['avg', 'INTEGER', 'DOUBLE'],
    ['sum', 'INTEGER', 'DECIMAL'],
    ['sum', 'BIGINT', 'DECIMAL'],
    ['sum', 'DOUBLE', 'DOUBLE'],
    ['sum', 'DECIMAL', 'DECIMAL'],
    ['sum', undefined, undefined],
    ['min', 'DATE', 'DATE'],
    ['max', undefined, undefined],
  ] as const)('types %s of %s as %s', (fn, input, result) => {
    expect(aggregateType(fn, input)).toBe(result);
  });
});
