import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { ConfigError, loadEnv } from './env';

const BASE = { INIT_CWD: '/srv/app' };

function catchMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
}

describe('loadEnv', () => {
  it('defaults to a DuckDB file in .sluice under the starting folder, on loopback port 4310', () => {
    const config = loadEnv(BASE);
    expect(config).toMatchObject({
      dataDir: '/srv/app/.sluice',
      database: { kind: 'duckdb', path: '/srv/app/.sluice/sluice.duckdb' },
      metadataDatabase: 'sluice',
      host: '127.0.0.1',
      port: 4310,
      exportsDir: '/srv/app/.sluice/files/exports',
      development: false,
    });
    expect(config.fileRoots).toEqual([config.samplesDir, '/srv/app/.sluice/files']);
    expect(config.accessToken).toBeUndefined();
    expect(config.secretKey).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadEnv({
      ...BASE,
      SLUICE_DATABASE_URL: 'duckdb:data/meta.duckdb',
      SLUICE_DATA_DIR: '/var/sluice',
      SLUICE_HOST: '0.0.0.0',
      SLUICE_PORT: '8080',
      SLUICE_FILE_ROOTS: '/data/in, /data/out',
      SLUICE_ACCESS_TOKEN: 'secret-token',
      SLUICE_WEB_DIST: 'web',
      SLUICE_METADATA_DATABASE: 'sluice_staging',
    });
    expect(config).toMatchObject({
      database: { kind: 'duckdb', path: '/srv/app/data/meta.duckdb' },
      metadataDatabase: 'sluice_staging',
      dataDir: '/var/sluice',
      host: '0.0.0.0',
      port: 8080,
      fileRoots: ['/data/in', '/data/out'],
      accessToken: 'secret-token',
      webDist: join('/srv/app', 'web'),
    });
  });

  it.each([
    [{ SLUICE_DATABASE_URL: 'duckdb:' }, /^SLUICE_DATABASE_URL needs a file path after "duckdb:"/],
    [
      { SLUICE_DATABASE_URL: 'postgres://u:hunter2@db/x' },
      /"postgres:\/\/…@db\/x" has an unknown scheme; use duckdb:/,
    ],
    [
      { SLUICE_DATABASE_URL: 'mysql://root@db' },
      /^SLUICE_DATABASE_URL names no database \(write \/database after the host\)/,
    ],
    [{ SLUICE_DATABASE_URL: 'mysql://root@db:3306/' }, /names no database/],
    [{ SLUICE_DATABASE_URL: 'mysql://db/sales' }, /names no user/],
    [{ SLUICE_DATABASE_URL: 'mysql://root@db:99999/sales' }, /is not a valid URL/],
    [{ SLUICE_DATABASE_URL: 'mysql://root@db/sales?ssl=true' }, /takes no "\?" options/],
    [
      { SLUICE_DATABASE_URL: 'matrixone://acc#admin:pw@db/sales' },
      /has a "#": percent-encode it as %23/,
    ],
    [{ SLUICE_DATABASE_URL: 'matrixone://root:%zz@db/sales' }, /badly percent-encoded password/],
    [
      { SLUICE_SECRET_KEY: 'too-short' },
      /^SLUICE_SECRET_KEY must be at least 32 characters \(it has 9\)/,
    ],
    [{ SLUICE_HOST: '0.0.0.0' }, /set SLUICE_ACCESS_TOKEN too/],
    [{ SLUICE_METADATA_DATABASE: 'my-meta' }, /^SLUICE_METADATA_DATABASE: use 1-64 letters/],
    [{ SLUICE_FILE_ROOTS: 'relative/dir' }, /must be absolute folders; "relative\/dir"/],
    [{ SLUICE_PORT: 'eighty' }, /^SLUICE_PORT: /],
    [
      { SLUICE_DATABASE_URL: 'mysql://root@db/Sluice' },
      /^SLUICE_DATABASE_URL names the database "Sluice", which holds Sluice's own tables \(SLUICE_METADATA_DATABASE is "sluice"\): flows would write beside them/,
    ],
    [
      { SLUICE_DATABASE_URL: 'matrixone://u@db/meta', SLUICE_METADATA_DATABASE: 'META' },
      /^SLUICE_DATABASE_URL names the database "meta", which holds Sluice's own tables/,
    ],
  ])('refuses %o with one clear line', (env, message) => {
    const load = (): unknown => loadEnv({ ...BASE, ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
    expect(catchMessage(load)).not.toContain('\n');
  });

  it.each([
    [
      'mysql://root@127.0.0.1/test',
      {
        kind: 'mysql',
        host: '127.0.0.1',
        port: 3306,
        user: 'root',
        password: '',
        database: 'test',
      },
    ],
    [
      'mysql://etl%40corp:p%40ss%3Aw0rd@db.internal:3307/sales%20data',
      {
        kind: 'mysql',
        host: 'db.internal',
        port: 3307,
        user: 'etl@corp',
        password: 'p@ss:w0rd',
        database: 'sales data',
      },
    ],
    [
      'matrixone://dump:111@mo.local/lake',
      {
        kind: 'matrixone',
        host: 'mo.local',
        port: 6001,
        user: 'dump',
        password: '111',
        database: 'lake',
      },
    ],
    [
      'matrixone://acc%23admin:pw@[::1]:6002/lake',
      {
        kind: 'matrixone',
        host: '::1',
        port: 6002,
        user: 'acc#admin',
        password: 'pw',
        database: 'lake',
      },
    ],
  ])('reads %s as a database server', (url, database) => {
    expect(loadEnv({ ...BASE, SLUICE_DATABASE_URL: url }).database).toEqual(database);
  });

  it('is a development server only under NODE_ENV=development, as npm run dev sets', () => {
    expect(loadEnv({ ...BASE, NODE_ENV: 'development' }).development).toBe(true);
    for (const value of ['production', 'test', '']) {
      expect(loadEnv({ ...BASE, NODE_ENV: value }).development).toBe(false);
    }
  });

  it('derives a 32-byte key from SLUICE_SECRET_KEY, the same for the same text', () => {
    const text = 'k'.repeat(32);
    const one = loadEnv({ ...BASE, SLUICE_SECRET_KEY: text }).secretKey;
    const two = loadEnv({ ...BASE, SLUICE_SECRET_KEY: text }).secretKey;
    const other = loadEnv({ ...BASE, SLUICE_SECRET_KEY: `${text}x` }).secretKey;
    expect(one?.length).toBe(32);
    expect(one?.equals(two ?? Buffer.alloc(0))).toBe(true);
    expect(one?.equals(other ?? Buffer.alloc(0))).toBe(false);
    expect(one?.toString('utf8')).not.toContain(text);
  });
});
