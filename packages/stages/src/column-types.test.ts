import { describe, expect, it } from 'vitest';

import { aggregateType, commonType } from './column-types';

describe('commonType', () => {
  it.each([
    ['INTEGER', 'INTEGER', 'INTEGER'],
    ['BOOLEAN', 'INTEGER', 'INTEGER'],
    ['INTEGER', 'BIGINT', 'BIGINT'],
    ['BIGINT', 'DECIMAL', 'DECIMAL'],
    ['DOUBLE', 'DECIMAL', 'DOUBLE'],
    ['DATE', 'TIMESTAMP', 'TIMESTAMP'],
    ['DATE', 'VARCHAR', 'VARCHAR'],
    ['BOOLEAN', 'VARCHAR', 'VARCHAR'],
    ['DATE', 'DOUBLE', undefined],
    ['TIMESTAMP', 'BOOLEAN', undefined],
  ] as const)('combines %s and %s into %s, as both DuckDB and MariaDB do', (a, b, result) => {
    expect(commonType(a, b)).toBe(result);
    expect(commonType(b, a)).toBe(result);
  });
});

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
