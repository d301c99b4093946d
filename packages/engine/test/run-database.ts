import type { SqlClient } from '../src/sql-client';
import type { Target } from '../src/target';
import { normalisedTable } from './normalise-rows';

/** Runs `use` on a connection of the target's run database, where flows write. */
export async function inRunDatabase<T>(
  target: Target,
  use: (client: SqlClient) => Promise<T>,
): Promise<T> {
  const client = await target.connect();
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

/** A table of the run database as normalised, sorted rows (see `normalisedTable`). */
export const rowsOf = (target: Target, table: string): Promise<string[]> =>
  inRunDatabase(target, async (client) => (await normalisedTable(client, table)).rows);
