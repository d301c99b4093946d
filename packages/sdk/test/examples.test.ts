import { readFile } from 'node:fs/promises';
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

const read = (name: string) => readFile(new URL(name, import.meta.url), 'utf8');

describe('the README example', () => {
  it('is the example file, word for word', async () => {
    const readme = await read('../README.md');
    const example = await read('../examples/orders-by-region.ts');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const [imports = '', code = ''] = block.split('\n\n/**');
    expect(code.length).toBeGreaterThan(0);
    expect(example).toContain(`/**${code}`);
    for (const line of imports.split('\n')) expect(example).toContain(line);
  });

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
