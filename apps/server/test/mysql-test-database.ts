import { randomBytes } from 'node:crypto';

import type { ServerLocation } from '@sluice/engine';
import { openTarget } from '@sluice/engine';

import { parseDatabaseUrl } from '../src/database-url';

const TEST_URL = process.env.SLUICE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A database of its own on the test MariaDB, dropped by `drop`. */
export interface TestDatabase {
  location: ServerLocation;
  /** A second fresh name, for the metadata database of a server under test. */
  metadataDatabase: string;
  drop(): Promise<void>;
}

const uniqueName = (prefix: string): string =>
  `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

/**
 * Creates a uniquely named database on the server `SLUICE_TEST_MYSQL_URL` names (default
 * mysql://root@127.0.0.1:3306/test). An unreachable server fails the test with a line saying so,
 * never a skip.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = parseDatabaseUrl(TEST_URL, process.cwd());
  if (base.kind === 'duckdb') throw new Error('SLUICE_TEST_MYSQL_URL must be a mysql:// URL.');
  const name = uniqueName('sluice_test');
  const metadataDatabase = uniqueName('sluice_meta');
  // Opening a target creates its metadata database: this run's own, so no shared one appears.
  const options = { allowedDirectories: [], metaDatabase: metadataDatabase };
  const admin = await openTarget(base, options).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The MariaDB tests need a server at ${base.host}:${base.port} (SLUICE_TEST_MYSQL_URL): ${reason}`,
    );
  });
  try {
    await admin.execute(`CREATE DATABASE \`${name}\``);
  } finally {
    await admin.close();
  }
  return {
    location: { ...base, database: name },
    metadataDatabase,
    async drop() {
      const dropper = await openTarget(base, options);
      try {
        await dropper.execute(`DROP DATABASE IF EXISTS \`${name}\``);
        await dropper.execute(`DROP DATABASE IF EXISTS \`${metadataDatabase}\``);
      } finally {
        await dropper.close();
      }
    },
  };
}
