/**
 * Parses `SLUICE_DATABASE_URL` into the engine's `DatabaseLocation`: `duckdb:<path>` (the
 * embedded default), `mysql://user:password@host[:port]/database` (MySQL or MariaDB) or
 * `matrixone://user:password@host[:port]/database`.
 */
import { resolve } from 'node:path';

import type { DatabaseLocation } from '@sluice/engine';

import { ConfigError } from './config-error';

const DEFAULT_PORTS = { mysql: 3306, matrixone: 6001 } as const;

const FORMS =
  'use duckdb:<file>, mysql://user:password@host:3306/database or matrixone://user:password@host:6001/database';

function refuse(why: string): ConfigError {
  return new ConfigError(`SLUICE_DATABASE_URL ${why}; ${FORMS}.`);
}

function duckDbLocation(url: string, baseDir: string): DatabaseLocation {
  const path = url.slice('duckdb:'.length).replace(/^\/\/(?=\/)/, '');
  if (path === '') throw refuse('needs a file path after "duckdb:"');
  return { kind: 'duckdb', path: path === ':memory:' ? path : resolve(baseDir, path) };
}

function decoded(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw refuse(`has a badly percent-encoded ${what}`);
  }
}

function serverLocation(kind: 'mysql' | 'matrixone', text: string): DatabaseLocation {
  if (text.includes('#')) {
    throw refuse(
      'has a "#": percent-encode it as %23 (a MatrixOne user account#user is account%23user)',
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(`"${kind}://…" is not a valid URL`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw refuse('names no host');
  if (url.username === '') throw refuse('names no user (write user:password@ before the host)');
  if (url.search !== '') throw refuse('takes no "?" options');
  const database = decoded(url.pathname.replace(/^\//, ''), 'database');
  if (database === '' || database.includes('/')) {
    throw refuse(`names no database (write /database after the host${url.port ? ':port' : ''})`);
  }
  return {
    kind,
    host,
    port: url.port === '' ? DEFAULT_PORTS[kind] : Number(url.port),
    user: decoded(url.username, 'user'),
    password: decoded(url.password, 'password'),
    database,
  };
}

/**
 * The database a URL names; relative DuckDB paths resolve against `baseDir`. Throws a
 * `ConfigError` naming the variable and the accepted forms.
 * @example parseDatabaseUrl('mysql://root@127.0.0.1/test', '/srv') // port 3306
 */
export function parseDatabaseUrl(url: string, baseDir: string): DatabaseLocation {
  if (url.startsWith('duckdb:')) return duckDbLocation(url, baseDir);
  if (url.startsWith('mysql://')) return serverLocation('mysql', url);
  if (url.startsWith('matrixone://')) return serverLocation('matrixone', url);
  throw refuse(`"${url.replace(/\/\/[^@/]*@/, '//…@')}" has an unknown scheme`);
}
