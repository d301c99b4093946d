import type { FlowDocument } from '@sluice/flow';

import type { RunOutcome } from '../src/run-events';
import type { SqlClient } from '../src/sql-client';
import type { Target } from '../src/target';
import { runPlan } from '../src/run-plan';
import { compileFor } from './flows';
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

/**
 * Compiles `doc` for `target`, every table it writes new, and runs it as a run does; gives the
 * outcome and the rows each stage reported as it succeeded.
 */
export async function runAsNew(
  target: Target,
  doc: FlowDocument,
  { root, runTag }: { root: string; runTag: string },
): Promise<{ outcome: RunOutcome; stageRows: Map<string, number> }> {
  const plan = compileFor(doc, { target: target.profile, runTag, root, existingTables: [] });
  const stageRows = new Map<string, number>();
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, {
      onEvent: (event) => {
        if (event.state === 'succeeded' && event.rows !== undefined) {
          stageRows.set(event.stageId, event.rows);
        }
      },
    });
    return { outcome, stageRows };
  } finally {
    await client.close();
  }
}
