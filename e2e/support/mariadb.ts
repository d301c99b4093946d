import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The MariaDB (or MySQL) server journeys run against; tests fail, never skip, without it. */
const serverUrl = process.env.SLUICE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A database of its own on the test server, dropped when the journey ends. */
export interface ScratchDatabase {
  name: string;
  /** A database name for the server's metadata, dropped with this one. */
  metadataName: string;
  /** `SLUICE_DATABASE_URL` pointing at this database. */
  url: string;
  query<T extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Drops this database and the metadata one. */
  drop(): Promise<void>;
}

async function connect(): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({ uri: serverUrl, multipleStatements: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot reach the MariaDB test server at ${serverUrl} (${reason}): start it, or point SLUICE_TEST_MYSQL_URL at one.`,
      { cause: error },
    );
  }
}

/** A fresh, uniquely named database name with `prefix`, short enough for any server. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Creates a uniquely named database and returns a URL the server can be started with. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = uniqueDatabaseName('sluice_e2e');
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\``);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    metadataName: `${name}_meta`,
    url: url.toString(),
    async query<T extends Record<string, unknown>>(sql: string, values: unknown[] = []) {
      await admin.changeUser({ database: name });
      const [rows] = await admin.query(sql, values);
      return rows as T[];
    },
    async drop() {
      for (const database of [name, `${name}_meta`]) {
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      }
      await admin.end();
    },
  };
}
