import { describe, expect, it } from 'vitest';

import { formatCount } from './format';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [17, '17'],
    [1234, '1,234'],
    [2_000_000, '2,000,000'],
    [1_234_567_890_123, '1,234,567,890,123'],
  ])('writes %d as %s', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });
});
