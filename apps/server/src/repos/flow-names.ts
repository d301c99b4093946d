import type { SqlClient } from '@sluice/engine';

import type { MetaTables } from './meta-schema';
import { ConflictError } from '../errors';

/** Names are unique regardless of case, so "Orders" and "orders" cannot both exist. */
export const flowNameKey = (name: string): string => name.toLocaleLowerCase('en-US');

/** The longest flow name the API takes (`FlowNameSchema`). */
const MAX_NAME_LENGTH = 200;

export const flowNameTaken = (name: string): ConflictError =>
  new ConflictError(`A flow named "${name}" already exists; choose another name.`);

/** `name (n)`, shortening `name` so the result stays a name the API takes. */
function numbered(name: string, n: number): string {
  const suffix = ` (${n})`;
  return `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

/**
 * Renames every flow whose name another, older flow already holds (by the database's own
 * comparison of `name_key`, so the unique key can be added after) to the first free
 * `name (2)`, `name (3)`, …; the oldest keeps its name. Nothing is deleted.
 */
export async function renameDuplicateFlows(tx: SqlClient, t: MetaTables): Promise<void> {
  const clashes = await tx.query<{ name_key: string }>(
    `SELECT name_key FROM ${t.flows} GROUP BY name_key HAVING COUNT(*) > 1`,
  );
  for (const { name_key } of clashes) {
    const holders = await tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM ${t.flows} WHERE name_key = ? ORDER BY created_at, id`,
      [name_key],
    );
    for (const holder of holders.slice(1)) {
      let n = 2;
      while (
        (
          await tx.query(`SELECT id FROM ${t.flows} WHERE name_key = ? LIMIT 1`, [
            flowNameKey(numbered(holder.name, n)),
          ])
        ).length > 0
      ) {
        n += 1;
      }
      const name = numbered(holder.name, n);
      await tx.run(`UPDATE ${t.flows} SET name = ?, name_key = ? WHERE id = ?`, [
        name,
        flowNameKey(name),
        holder.id,
      ]);
    }
  }
}
