import type { DuckDbClient } from '@sluice/engine';

import type { MetaTables } from './meta-schema';
import type { SchemaMigration } from './migrations';
import { SCHEMA_MIGRATIONS } from './migrations';

/**
 * Brings the `sluice` metadata schema up to date, one migration per transaction, and returns the
 * ids it applied (empty when the schema was current). Migration 1 among them means a new database.
 */
export async function migrate(
  client: DuckDbClient,
  t: MetaTables,
  migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS,
): Promise<number[]> {
  await client.run(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
  await client.run(
    `CREATE TABLE IF NOT EXISTS ${t.schemaMigrations} (
      id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`,
  );
  const rows = await client.query<{ id: number }>(`SELECT id FROM ${t.schemaMigrations}`);
  const done = new Set(rows.map((row) => row.id));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await client.transaction(async (tx) => {
      for (const statement of migration.statements(t)) await tx.run(statement);
      await tx.run(`INSERT INTO ${t.schemaMigrations} VALUES (?, ?, ?)`, [
        migration.id,
        migration.name,
        new Date().toISOString(),
      ]);
    });
    applied.push(migration.id);
  }
  return applied;
}
