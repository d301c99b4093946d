import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { stageList } from '@sluice/stages';

import type { TestServer } from '../../test/harness';
import { startTestServer } from '../../test/harness';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('system and stage type routers', () => {
  it('describes the embedded DuckDB target', async () => {
    const info = await server.caller.system.info();
    expect(info.target).toMatchObject({
      product: 'DuckDB',
      dialect: 'duckdb',
      location: server.config.databasePath,
    });
    expect(info.target.version).toMatch(/^v?\d+\.\d+/);
    expect(info.sluiceVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists every stage type with its ports and config as JSON Schema', async () => {
    const types = await server.caller.stageType.list();
    expect(types.map((t) => t.type)).toEqual(stageList().map((s) => s.type));
    const filter = types.find((t) => t.type === 'filter');
    expect(filter).toMatchObject({ inputs: ['in'], outputs: ['out'], category: 'processor' });
    expect(filter?.configSchema).toMatchObject({
      type: 'object',
      properties: { condition: { type: 'string' } },
    });
  });
});
