import type { SqlClient } from '../sql-client';
import type { StagingObject } from '../staging-sweep';

/**
 * Tables and views named like Sluice's staging in the target's database, where runs stage.
 * Shadow tables beside a destination in another database are not looked for: that database
 * may belong to anyone, and the `_new` copies there hold no rows that are not elsewhere.
 * `!` escapes LIKE's `_` wildcard, whatever the session's backslash mode.
 */
export async function listStagingObjects(
  client: SqlClient,
  database: string,
): Promise<StagingObject[]> {
  const rows = await client.query<{ schema: string; name: string; type: string }>(
    `SELECT table_schema AS \`schema\`, table_name AS name, table_type AS type
     FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE ? ESCAPE '!'`,
    [database, '!_!_sluice!_%'],
  );
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    kind: row.type === 'VIEW' ? 'view' : 'table',
  }));
}
