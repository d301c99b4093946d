import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestDatabase } from '../../test/mariadb';
import { createTestDatabase } from '../../test/mariadb';
import { untilRunning } from '../../test/server-process';
import { sessionSqlMode } from './connection-options';
import { MySqlPoolClient } from './mysql-pool-client';
import { MySqlRunClient } from './mysql-run-client';

let db: TestDatabase;
let pool: MySqlPoolClient;

beforeAll(async () => {
  db = await createTestDatabase('sluice_clients');
  pool = MySqlPoolClient.open(db.location);
}, 30_000);

afterAll(async () => {
  await pool.close();
  await db.drop();
});

describe('sessionSqlMode', () => {
  it.each([
    ['ANSI_QUOTES,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES', 'STRICT_ALL_TABLES'],
    ['NO_ENGINE_SUBSTITUTION', 'NO_ENGINE_SUBSTITUTION,STRICT_TRANS_TABLES'],
    ['', 'STRICT_TRANS_TABLES'],
    [
      'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO',
      'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO',
    ],
  ])('turns %j into %j', (server, session) => {
    expect(sessionSqlMode(server)).toBe(session);
  });
});

describe('MySqlPoolClient on MariaDB', () => {
  it('returns exact values: digits for wide numbers, booleans, dates as text', async () => {
    await pool.run(
      'CREATE TABLE typed (big BIGINT, small BIGINT, dec38 DECIMAL(38,10), flag BOOLEAN, ' +
        'd DATE, ts DATETIME(6), txt LONGTEXT, dbl DOUBLE)',
    );
    const inserted = await pool.run(
      "INSERT INTO typed VALUES (9007199254740993, 42, 12.5, TRUE, '2024-01-02', " +
        "'2024-01-02 03:04:05.123', 'x', 1.5), (NULL, NULL, NULL, FALSE, NULL, NULL, NULL, NULL)",
    );
    expect(inserted).toBe(2);
    expect(await pool.query('SELECT * FROM typed ORDER BY flag DESC')).toEqual([
      {
        big: '9007199254740993',
        small: 42,
        dec38: '12.5000000000',
        flag: true,
        d: '2024-01-02',
        ts: '2024-01-02 03:04:05.123000',
        txt: 'x',
        dbl: 1.5,
      },
      { big: null, small: null, dec38: null, flag: false, d: null, ts: null, txt: null, dbl: null },
    ]);
  });

  it('binds ? parameters, backslashes and quotes included', async () => {
    const text = 'a\\b\'c"d`e';
    expect(
      await pool.query('SELECT ? AS t, ? AS n, ? AS b, ? AS z', [text, 10n, true, null]),
    ).toEqual([{ t: text, n: '10', b: 1, z: null }]);
    expect(await pool.query("SELECT 'x\\\\y' AS literal")).toEqual([{ literal: 'x\\y' }]);
  });

  it('runs every connection in strict mode, with backslash escapes and backquoted names', async () => {
    const rows = await pool.query<{ mode: string }>('SELECT @@SESSION.sql_mode AS mode');
    const modes = (rows[0]?.mode ?? '').split(',');
    expect(modes).toContain('STRICT_TRANS_TABLES');
    expect(modes).not.toContain('NO_BACKSLASH_ESCAPES');
    expect(modes).not.toContain('ANSI_QUOTES');
    await expect(pool.run("CREATE TABLE strict_check (i INT) SELECT 'x' AS i")).rejects.toThrow(
      /Incorrect integer value/,
    );
  });

  it('commits a transaction, and rolls it back when its callback throws', async () => {
    await pool.run('CREATE TABLE tx (i INT) ENGINE = InnoDB');
    await pool.transaction(async (tx) => {
      await tx.run('INSERT INTO tx VALUES (1)');
    });
    const failure = pool.transaction(async (tx) => {
      await tx.run('INSERT INTO tx VALUES (2)');
      throw new Error('stop');
    });
    await expect(failure).rejects.toThrow('stop');
    expect(await pool.query('SELECT i FROM tx')).toEqual([{ i: 1 }]);
  });

  it('refuses a second statement in one query', async () => {
    await expect(pool.query('SELECT 1; SELECT 2')).rejects.toThrow(/SQL syntax/);
  });
});

describe('MySqlRunClient on MariaDB', () => {
  it('stops a running statement with cancel', { timeout: 20_000 }, async () => {
    const client = await MySqlRunClient.open(db.location);
    try {
      const sleeping = client.query('SELECT SLEEP(30) AS sluice_cancel_probe');
      const outcome = sleeping.then(
        () => 'finished',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      await untilRunning(pool, 'sluice_cancel_probe');
      await client.cancel();
      expect(await outcome).toBe('Query execution was interrupted');
      expect(await client.query('SELECT 1 AS still')).toEqual([{ still: 1 }]);
    } finally {
      await client.close();
      await client.close();
    }
  });

  it('rejects, never throws, once the server has closed its connection', async () => {
    const client = await MySqlRunClient.open(db.location);
    try {
      const [row] = await client.query<{ id: number }>('SELECT CONNECTION_ID() AS id');
      await pool.run(`KILL CONNECTION ${String(row?.id)}`);
      await expect
        .poll(() =>
          client.run('SELECT 1').then(
            () => 'open',
            () => 'lost',
          ),
        )
        .toBe('lost');
      let thrown: unknown;
      const calls: Promise<unknown>[] = [];
      try {
        calls.push(client.run('SELECT 1'), client.query('SELECT 1'));
        calls.push(client.transaction(() => Promise.resolve()));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeUndefined();
      for (const call of calls) await expect(call).rejects.toThrow();
    } finally {
      await client.close();
    }
  });

  it("refuses a LOAD DATA LOCAL request for any file but the step's own", async () => {
    const client = await MySqlRunClient.open(db.location);
    try {
      await client.run('CREATE TABLE refused (v LONGTEXT)');
      const load = client.loadLocal(
        "LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE refused",
        'stage://landing/in.csv',
        () => {
          throw new Error('must not open');
        },
      );
      await expect(load).rejects.toThrow(
        'The server asked for file "/etc/passwd"; this step sends only "stage://landing/in.csv".',
      );
      expect(await client.query('SELECT * FROM refused')).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
