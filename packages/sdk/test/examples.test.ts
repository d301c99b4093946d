import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestServer } from './test-server';
import { ordersByRegion, publishAndRun } from '../examples/orders-by-region';
import { startServer } from './test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

describe('the README example', () => {
  it('builds a flow without diagnostics', () => {
    expect(ordersByRegion().validate()).toEqual([]);
  });

  it('saves the flow, runs it and reports every stage to success', async () => {
    const lines: string[] = [];
    const run = await publishAndRun({ url: server.url, log: (line) => lines.push(line) });
    expect(run.state).toBe('succeeded');
    expect(lines.at(-1)).toBe('run: succeeded');
    for (const label of ['Orders', 'Paid orders', 'Revenue by country', 'revenue_by_country']) {
      expect(lines).toContain(`${label}: succeeded`);
    }
  });
});
