import { createHash } from 'node:crypto';

import type { SqlClient } from '@sluice/engine';

import type { MetaTables } from './meta-schema';
import { ConflictError } from '../errors';

/**
 * What makes two flow names the same: equal once Unicode-normalised (NFC) and lower-cased, so
 * "Orders", "orders" and an "Café" typed with a combining accent are one name. Stored as a
 * SHA-256 hex digest so the database compares it byte for byte: a MySQL-family collation would
 * otherwise also equate "Cafe" with "Café", or "a" with "a ", which DuckDB does not.
 */
export const flowNameKey = (name: string): string =>
  createHash('sha256').update(name.normalize('NFC').toLocaleLowerCase('en-US')).digest('hex');

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
 * Gives every flow the name key above, then renames each flow whose name an older flow already
 * holds to the first free `name (2)`, `name (3)`, …, so the unique key can be added after; the
 * oldest keeps its name. Nothing is deleted.
 */
export async function renameDuplicateFlows(tx: SqlClient, t: MetaTables): Promise<void> {
  const all = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM ${t.flows} ORDER BY created_at, id`,
  );
  const taken = new Set(all.map((flow) => flowNameKey(flow.name)));
  const kept = new Set<string>();
  for (const flow of all) {
    let name = flow.name;
    if (kept.has(flowNameKey(name))) {
      let n = 2;
      while (taken.has(flowNameKey(numbered(flow.name, n)))) n += 1;
      name = numbered(flow.name, n);
      taken.add(flowNameKey(name));
    }
    kept.add(flowNameKey(name));
    await tx.run(`UPDATE ${t.flows} SET name = ?, name_key = ? WHERE id = ?`, [
      name,
      flowNameKey(name),
      flow.id,
    ]);
  }
}
