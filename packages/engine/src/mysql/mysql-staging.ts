import { STAGING_PREFIX } from '@sluice/compiler';

import type { SqlClient } from '../sql-client';
import type { StagingObject } from '../staging-sweep';

/**
 * Tables and views named like Sluice's staging in `databases`: the target's, where runs stage,
 * and those the server's flows write tables to, where a run's shadow (`…_new`, `…_old`) sits
 * beside its destination. Never the whole server: other databases belong to others.
 * `!` escapes LIKE's `_` wildcard, whatever the session's backslash mode.
 */
export async function listStagingObjects(
  client: SqlClient,
  databases: readonly string[],
): Promise<StagingObject[]> {
  const unique = [...new Set(databases)];
  const marks = unique.map(() => '?').join(', ');
  const rows = await client.query<{ schema: string; name: string; type: string }>(
    `SELECT table_schema AS \`schema\`, table_name AS name, table_type AS type
     FROM information_schema.tables
     WHERE table_schema IN (${marks}) AND table_name LIKE ? ESCAPE '!'`,
    [...unique, `${STAGING_PREFIX.replaceAll('_', '!_')}%`],
  );
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    kind: row.type === 'VIEW' ? 'view' : 'table',
  }));
}
