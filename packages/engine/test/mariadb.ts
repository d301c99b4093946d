import { randomBytes } from 'node:crypto';

import type { ServerLocation } from '../src/target';
import { MySqlRunClient } from '../src/mysql/mysql-run-client';

export type { ServerLocation };

const DEFAULT_URL = 'mysql://root@127.0.0.1:3306/test';

/** The test server from SLUICE_TEST_MYSQL_URL (default: local MariaDB as root, database test). */
export function testServer(): ServerLocation {
  const url = new URL(process.env.SLUICE_TEST_MYSQL_URL ?? DEFAULT_URL);
  return {
    kind: 'mysql',
    host: url.hostname,
    port: Number(url.port || '3306'),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || 'test',
  };
}

/** A database name no other test run uses. */
export const uniqueName = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

/** A connection to the test server; when it is unreachable the test fails saying so. */
export async function connectTestServer(database?: string): Promise<MySqlRunClient> {
  const server = testServer();
  try {
    return await MySqlRunClient.open({ ...server, ...(database ? { database } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The MariaDB tests need a server at ${server.host}:${String(server.port)} (${reason}). ` +
        'Start MariaDB or set SLUICE_TEST_MYSQL_URL=mysql://user:password@host:port/database.',
      { cause: error },
    );
  }
}

/** A fresh database of its own on the test server, dropped by `drop`. */
export interface TestDatabase {
  location: ServerLocation;
  /** A name for the target's metadata database, dropped with this one. */
  metaDatabase: string;
  /** A connection inside the database, for setting up and checking tables. */
  client: MySqlRunClient;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const admin = await connectTestServer();
  await admin.run('CREATE DATABASE ?? CHARACTER SET utf8mb4', [name]);
  await admin.close();
  const client = await connectTestServer(name);
  const metaDatabase = `${name}_meta`;
  return {
    location: { ...testServer(), database: name },
    metaDatabase,
    client,
    drop: async () => {
      await client.run('DROP DATABASE IF EXISTS ??', [metaDatabase]);
      await client.run('DROP DATABASE IF EXISTS ??', [name]);
      await client.close();
    },
  };
}
