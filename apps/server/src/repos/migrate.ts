import type { SqlClient } from '@sluice/engine';

import type { MetaTables } from './meta-schema';
import type { SchemaMigration } from './migrations';
import { stampOf } from './meta-dialect';
import { SCHEMA_MIGRATIONS } from './migrations';

/**
 * Brings the metadata schema up to date, one migration per transaction, and returns the ids it
 * applied (empty when the schema was current). Migration 1 among them means a new database.
 * MySQL-family servers commit each DDL statement on its own (sql-reference.md §9.4), so there a
 * migration that fails half way leaves its first tables behind; the id is recorded only after
 * all of its statements succeeded.
 */
export async function migrate(
  client: SqlClient,
  t: MetaTables,
  migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS,
): Promise<number[]> {
  const { key, timestamp } = t.dialect.types;
  await client.run(t.dialect.createSchema(t.schema));
  await client.run(
    `CREATE TABLE IF NOT EXISTS ${t.schemaMigrations} (
      id INTEGER PRIMARY KEY, name ${key} NOT NULL, applied_at ${timestamp} NOT NULL)`,
  );
  const rows = await client.query<{ id: number }>(`SELECT id FROM ${t.schemaMigrations}`);
  const done = new Set(rows.map((row) => Number(row.id)));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    const { prepare } = migration;
    if (prepare) await client.transaction((tx) => prepare(tx, t));
    await client.transaction(async (tx) => {
      for (const statement of migration.statements(t)) await tx.run(statement);
      await tx.run(`INSERT INTO ${t.schemaMigrations} (id, name, applied_at) VALUES (?, ?, ?)`, [
        migration.id,
        migration.name,
        stampOf(),
      ]);
    });
    applied.push(migration.id);
  }
  return applied;
}
