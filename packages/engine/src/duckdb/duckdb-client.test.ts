import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DuckDbClient } from './duckdb-client';
import { DuckDbDatabase } from './duckdb-client';

let database: DuckDbDatabase;
let client: DuckDbClient;

beforeEach(async () => {
  database = await DuckDbDatabase.open(':memory:', { allowedDirectories: [] });
  client = await database.connect();
});

afterEach(() => {
  database.close();
});

describe('DuckDbClient.query', () => {
  it('maps DuckDB types to plain values', async () => {
    const rows = await client.query(`
      SELECT 42::BIGINT AS small, 9007199254740993::BIGINT AS big, 7::INTEGER AS int,
             1.5::DOUBLE AS dbl, 'x' AS txt, true AS flag, NULL AS nothing,
             DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05.123' AS ts,
             [1, 2]::BIGINT[] AS list`);
    expect(rows).toEqual([
      {
        small: 42,
        big: '9007199254740993',
        int: 7,
        dbl: 1.5,
        txt: 'x',
        flag: true,
        nothing: null,
        d: '2024-01-02',
        ts: '2024-01-02T03:04:05.123Z',
        list: [1, 2],
      },
    ]);
  });

  it('binds positional parameters to ? and $1', async () => {
    expect(await client.query('SELECT ? AS a, ? AS b, ? AS c', ['x', 2, null])).toEqual([
      { a: 'x', b: 2, c: null },
    ]);
    expect(await client.query('SELECT $2 AS a, $1 AS b', [true, 10n])).toEqual([
      { a: 10, b: true },
    ]);
  });
});

describe('DuckDbClient.run', () => {
  it('returns the rows a statement changed', async () => {
    await client.run('CREATE TABLE t (i INTEGER)');
    expect(await client.run('INSERT INTO t SELECT range FROM range(5)')).toBe(5);
    expect(await client.run('DELETE FROM t WHERE i < ?', [2])).toBe(2);
    expect(await client.run('CREATE TABLE u AS SELECT * FROM t')).toBe(3);
    expect(await client.run('CREATE VIEW v AS SELECT * FROM t')).toBe(0);
  });
});

describe('DuckDbClient.transaction', () => {
  it('commits on success', async () => {
    await client.run('CREATE TABLE t (i INTEGER)');
    const result = await client.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1), (2)');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await client.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
  });

  it('rolls back data and DDL when the callback throws', async () => {
    await client.run('CREATE TABLE t (i INTEGER)');
    await client.run('INSERT INTO t VALUES (1)');
    await expect(
      client.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (2)');
        await tx.run('CREATE TABLE u (i INTEGER)');
        await tx.run('SELECT * FROM missing_table');
      }),
    ).rejects.toThrow(/missing_table/);
    expect(await client.query('SELECT i FROM t')).toEqual([{ i: 1 }]);
    expect(await client.query("SELECT * FROM duckdb_tables() WHERE table_name = 'u'")).toEqual([]);
  });

  it('makes other callers of a shared client wait for the transaction', async () => {
    await client.run('CREATE TABLE t (i INTEGER)');
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = client.transaction(async (inner) => {
      await inner.run('INSERT INTO t VALUES (1)');
      await held;
      throw new Error('abandon');
    });
    const outside = client.run('INSERT INTO t VALUES (2)');
    release();
    await expect(tx).rejects.toThrow('abandon');
    await outside;
    expect(await client.query('SELECT i FROM t')).toEqual([{ i: 2 }]);
  });
});

describe('DuckDbDatabase', () => {
  it('forgets a connection once it is closed', async () => {
    expect(database.openConnections).toBe(1);
    const [first, second] = await Promise.all([database.connect(), database.connect()]);
    expect(database.openConnections).toBe(3);
    await first.close();
    await second.close();
    await first.close();
    expect(database.openConnections).toBe(1);
    expect(await database.version()).toMatch(/^v/);
    expect(database.openConnections).toBe(1);
    await client.transaction(async (tx) => {
      await tx.close();
      await tx.run('SELECT 1');
    });
    expect(database.openConnections).toBe(1);
    await client.close();
    expect(database.openConnections).toBe(0);
  });

  it('creates the parent folder of a database file and reports its version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-db-'));
    try {
      const path = join(dir, 'nested', 'meta.duckdb');
      const db = await DuckDbDatabase.open(path, { allowedDirectories: [] });
      expect(await db.version()).toMatch(/^v\d+\.\d+/);
      db.close();
      expect((await stat(path)).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
