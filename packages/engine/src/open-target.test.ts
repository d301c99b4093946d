import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestDatabase } from '../test/mariadb';
import type { Target } from './target';
import { CSV } from '../test/formats';
import { createTestDatabase } from '../test/mariadb';
import { openTarget } from './open-target';

let dir: string;
let db: TestDatabase;
let target: Target;

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'sluice-target-')));
  db = await createTestDatabase('sluice_target');
  target = await openTarget(db.location, {
    allowedDirectories: [dir],
    metaDatabase: db.metaDatabase,
  });
}, 30_000);

afterAll(async () => {
  await target.close();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No port.');
  return address.port;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'opened',
    (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : 'odd'),
  );

describe('openTarget on MariaDB', () => {
  it('detects MariaDB and its version, and names the place without a password', async () => {
    const [row] = await db.client.query<{ v: string }>('SELECT VERSION() AS v');
    expect(target.profile).toEqual({
      dialect: 'mysql',
      product: 'MariaDB',
      version: row?.v.split('-')[0],
    });
    expect(target.location).toBe(
      `${db.location.host}:${String(db.location.port)}/${db.location.database}`,
    );
  });

  it('keeps metadata in its own database and runs in the URL database', async () => {
    expect(await target.meta.query('SELECT DATABASE() AS db')).toEqual([{ db: db.metaDatabase }]);
    const run = await target.connect();
    try {
      expect(await run.query('SELECT DATABASE() AS db')).toEqual([{ db: db.location.database }]);
    } finally {
      await run.close();
    }
  });

  it('finds existing tables with the names compared as the server compares them', async () => {
    await target.execute(`CREATE TABLE \`${db.location.database}\`.Orders (i INT)`);
    const [setting] = await db.client.query<{ lower: number }>(
      'SELECT @@lower_case_table_names AS lower',
    );
    const found = await target.existingTables([
      { name: 'Orders' },
      { name: 'orders' },
      { name: 'missing' },
      { schema: db.location.database, name: 'Orders' },
      { schema: db.metaDatabase, name: 'Orders' },
    ]);
    const exact = [{ name: 'Orders' }, { schema: db.location.database, name: 'Orders' }];
    expect(found).toEqual(setting?.lower === 0 ? exact : [exact[0], { name: 'orders' }, exact[1]]);
  });

  it('detects the columns of CSV and JSON lines files inside the allowed folders', async () => {
    await writeFile(join(dir, 'a.csv'), 'id,name\n1,x\n');
    await writeFile(join(dir, 'a.jsonl'), '{"id": 1, "ok": true}\n');
    expect(await target.detectColumns(join(dir, 'a.csv'), CSV, 'stage://landing/a.csv')).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
    ]);
    expect(
      await target.detectColumns(
        join(dir, 'a.jsonl'),
        { kind: 'jsonl' },
        'stage://landing/a.jsonl',
      ),
    ).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'ok', type: 'BOOLEAN' },
    ]);
    await expect(
      target.detectColumns('/etc/passwd', CSV, 'stage://landing/passwd'),
    ).rejects.toThrow(/^Could not detect the columns of stage:\/\/landing\/passwd: /);
  });
});

describe('openTarget refusals', () => {
  it('says the server is not running when the port is closed', async () => {
    const port = await closedPort();
    expect(await failure(openTarget({ ...db.location, port }, { allowedDirectories: [] }))).toBe(
      `TargetConnectError: Cannot reach MariaDB/MySQL at ${db.location.host}:${String(port)}: ` +
        'connection refused. Start the server or fix SLUICE_DATABASE_URL.',
    );
  });

  it('says the password is wrong', async () => {
    const location = { ...db.location, password: 'not-the-password' };
    expect(await failure(openTarget(location, { allowedDirectories: [] }))).toBe(
      `TargetConnectError: MariaDB/MySQL at ${db.location.host}:${String(db.location.port)} ` +
        `refused user "${db.location.user}": wrong user name or password. Fix them in SLUICE_DATABASE_URL.`,
    );
  });

  it('says the database is missing', async () => {
    const location = { ...db.location, database: 'sluice_no_such_database' };
    expect(
      await failure(
        openTarget(location, { allowedDirectories: [], metaDatabase: db.metaDatabase }),
      ),
    ).toBe(
      `TargetConnectError: Database "sluice_no_such_database" does not exist on MariaDB/MySQL at ` +
        `${db.location.host}:${String(db.location.port)}: create it or fix the URL (SLUICE_DATABASE_URL).`,
    );
  });

  it('refuses a matrixone:// URL that reaches MariaDB', async () => {
    const location = { ...db.location, kind: 'matrixone' as const };
    const message = await failure(
      openTarget(location, { allowedDirectories: [], metaDatabase: db.metaDatabase }),
    );
    expect(message).toMatch(
      /^TargetConnectError: \S+ is MariaDB [\d.]+, but SLUICE_DATABASE_URL starts with matrixone:\/\/\. Use mysql:\/\/… for it\.$/,
    );
  });
});

describe('openTarget on DuckDB', () => {
  it('opens the file, reports DuckDB and finds tables case-insensitively', async () => {
    const duck = await openTarget(
      { kind: 'duckdb', path: join(dir, 'target.duckdb') },
      { allowedDirectories: [dir] },
    );
    try {
      expect(duck.profile).toMatchObject({ dialect: 'duckdb', product: 'DuckDB' });
      expect(duck.profile.version).toMatch(/^\d+\.\d+\.\d+$/);
      await duck.execute('CREATE TABLE Orders (i INTEGER)');
      expect(await duck.existingTables([{ name: 'orders' }, { name: 'other' }])).toEqual([
        { name: 'orders' },
      ]);
      expect(
        await duck.detectColumns(join(dir, 'a.csv'), CSV, 'stage://landing/a.csv'),
      ).toHaveLength(2);
      const run = await duck.connect();
      expect(await run.query('SELECT count(*) AS n FROM orders')).toEqual([{ n: 0 }]);
      await run.close();
    } finally {
      await duck.close();
    }
  });
});
