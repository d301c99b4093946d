import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { SqlValue } from '../src/sql-client';
import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';
import { leftovers, tableContents } from './mariadb-checks';

/**
 * A run whose connection the server kills half way (an administrator's `KILL`, a proxy timing
 * out) cannot clean up on that connection: the engine must open a fresh one for its undo and
 * cleanup, so no `__sluice_` table stays behind.
 */
function overwriteFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: 'orders.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'amount', type: 'DOUBLE' },
        ],
      }),
      stage('big', 'filter', { condition: 'amount > 10' }),
      stage('dest', 'table-destination', { table: 'killed', mode: 'overwrite' }),
      stage('copy', 'table-destination', { table: 'killed_copy', mode: 'overwrite' }),
    ],
    links: [link('src', 'big'), link('big', 'dest'), link('big', 'copy')],
  };
}

let root: string;
let db: TestDatabase;
let target: Target;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-killed-')));
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'orders.csv'), 'id,amount\n1,5\n2,15\n3,25\n');
  db = await createTestDatabase('sluice_killed');
  target = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
  await db.client.run('CREATE TABLE killed (id BIGINT, amount DOUBLE)');
  await db.client.run('INSERT INTO killed VALUES (100, 1)');
}, 30_000);

afterAll(async () => {
  await target.close();
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

describe('a run whose connection is killed', () => {
  it.each([
    ['before the swap', (sql: string) => sql.startsWith('RENAME TABLE')],
    ['while building a shadow table', (sql: string) => sql.includes('_copy_new')],
  ])('%s cleans up on a fresh connection and leaves no staging', async (_, killBefore) => {
    const existingTables = await target.existingTables([{ name: 'killed' }]);
    const plan = compileFor(overwriteFlow(), {
      target: target.profile,
      runTag: 'k1',
      root,
      existingTables,
    });
    const before = await tableContents(db.client, { name: 'killed' });
    const client = await target.connect();
    const [own] = await client.query<{ id: number }>('SELECT CONNECTION_ID() AS id');
    let killed = false;
    const run = client.run.bind(client);
    client.run = async (sql: string, params?: readonly SqlValue[]) => {
      if (!killed && killBefore(sql)) {
        killed = true;
        await db.client.run(`KILL ${String(own?.id)}`);
      }
      return run(sql, params);
    };
    try {
      const outcome = await runPlan(client, plan, {
        onEvent: () => undefined,
        reconnect: () => target.connect(),
      });
      expect(killed).toBe(true);
      expect(outcome.state).toBe('failed');
      expect(outcome.cleanupErrors).toBeUndefined();
    } finally {
      await client.close();
    }
    expect(await leftovers(db.client, db.location.database)).toEqual([]);
    expect(await tableContents(db.client, { name: 'killed' })).toEqual(before);
  });
});
