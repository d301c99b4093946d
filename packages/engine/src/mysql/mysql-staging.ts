import type { SqlClient } from '../sql-client';
import type { StagingObject } from '../staging-sweep';

/** The servers' own databases (MySQL, MariaDB, MatrixOne), where no run writes. */
const SYSTEM_SCHEMAS = [
  'information_schema',
  'mysql',
  'performance_schema',
  'sys',
  'mo_catalog',
  'mo_task',
  'system',
  'system_metrics',
];

/**
 * Tables and views named like Sluice's staging in every database the user can see: staging
 * lives in the target's database, shadow tables beside each destination, which may be in
 * another database. `!` escapes LIKE's `_` wildcard, whatever the session's backslash mode.
 */
export async function listStagingObjects(client: SqlClient): Promise<StagingObject[]> {
  const rows = await client.query<{ schema: string; name: string; type: string }>(
    `SELECT table_schema AS \`schema\`, table_name AS name, table_type AS type
     FROM information_schema.tables
     WHERE table_name LIKE ? ESCAPE '!' AND table_schema NOT IN (${SYSTEM_SCHEMAS.map(() => '?').join(', ')})`,
    ['!_!_sluice!_%', ...SYSTEM_SCHEMAS],
  );
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    kind: row.type === 'VIEW' ? 'view' : 'table',
  }));
}
