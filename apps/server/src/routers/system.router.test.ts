import { join } from 'node:path';
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
      location: join(server.dir, 'data', 'sluice.duckdb'),
      metadataSchema: 'sluice',
    });
    expect(info.target.version).toMatch(/^v?\d+\.\d+/);
    expect(info.sluiceVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('describes a MariaDB target by host, port and database, without the password', async () => {
    const mariaDb = await startTestServer({}, 'mariadb');
    try {
      const { target } = await mariaDb.caller.system.info();
      const { database } = mariaDb.config;
      if (database.kind === 'duckdb') throw new Error('expected a MariaDB location');
      expect(target).toEqual({
        product: 'MariaDB',
        dialect: 'mysql',
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/) as unknown,
        location: `${database.host}:${database.port}/${database.database}`,
        metadataSchema: mariaDb.config.metadataDatabase,
      });
    } finally {
      await mariaDb.close();
    }
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
