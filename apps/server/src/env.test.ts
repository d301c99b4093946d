import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { ConfigError, loadEnv } from './env';

const BASE = { INIT_CWD: '/srv/app' };

describe('loadEnv', () => {
  it('defaults to a DuckDB file in .sluice under the starting folder, on loopback port 4310', () => {
    const config = loadEnv(BASE);
    expect(config).toMatchObject({
      dataDir: '/srv/app/.sluice',
      databaseUrl: 'duckdb:/srv/app/.sluice/sluice.duckdb',
      databasePath: '/srv/app/.sluice/sluice.duckdb',
      host: '127.0.0.1',
      port: 4310,
      exportsDir: '/srv/app/.sluice/files/exports',
    });
    expect(config.fileRoots).toEqual([config.samplesDir, '/srv/app/.sluice/files']);
    expect(config.accessToken).toBeUndefined();
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
    });
    expect(config).toMatchObject({
      databasePath: '/srv/app/data/meta.duckdb',
      dataDir: '/var/sluice',
      host: '0.0.0.0',
      port: 8080,
      fileRoots: ['/data/in', '/data/out'],
      accessToken: 'secret-token',
      webDist: join('/srv/app', 'web'),
    });
  });

  it.each([
    [{ SLUICE_DATABASE_URL: 'mysql://localhost/sluice' }, /not supported yet: use duckdb:/],
    [{ SLUICE_DATABASE_URL: 'duckdb:' }, /needs a file path/],
    [{ SLUICE_HOST: '0.0.0.0' }, /set SLUICE_ACCESS_TOKEN too/],
    [{ SLUICE_FILE_ROOTS: 'relative/dir' }, /must be absolute folders; "relative\/dir"/],
    [{ SLUICE_PORT: 'eighty' }, /^SLUICE_PORT: /],
  ])('refuses %o with one clear line', (env, message) => {
    const load = (): unknown => loadEnv({ ...BASE, ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });
});
