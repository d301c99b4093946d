import { describe, expect, it } from 'vitest';

import { flowFileName } from './flow-file-name';

describe('flowFileName', () => {
  it.each([
    ['Paid orders', 'Paid orders.sluice.json'],
    ['Café: "daily" / EU', 'Café- -daily- - EU.sluice.json'],
    ['a\tb\nc', 'a-b-c.sluice.json'],
    ['///', 'flow.sluice.json'],
  ])('names the file of %j %j', (name, file) => {
    expect(flowFileName(name)).toBe(file);
  });
});
