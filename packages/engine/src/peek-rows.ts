import type { PlanStep } from '@sluice/compiler';

import type { ResultTable } from './result-table';
import type { PeekRows } from './run-events';
import type { SqlClient } from './sql-client';
import type { RunClient } from './target';

/** True for a client that reads a result with its columns' types (not a bare transaction's). */
function readsTables(client: SqlClient): client is SqlClient & Pick<RunClient, 'queryTable'> {
  return typeof (client as Partial<RunClient>).queryTable === 'function';
}

/**
 * Runs a peek's bounded SELECT (see `PlanStep.keepRows`) and keeps its first rows, as many as
 * the step allows and fit in its bytes as JSON text; `more` says rows were left out. `run` is
 * the run's own connection, used where the client a transaction lends cannot tell types (the
 * MySQL family, where both are one connection).
 */
export async function peekRows(
  client: SqlClient,
  run: RunClient,
  step: PlanStep & { keepRows: NonNullable<PlanStep['keepRows']> },
): Promise<Omit<PeekRows, 'kind' | 'stageId' | 'at'>> {
  const table: ResultTable = await (readsTables(client) ? client : run).queryTable(step.sql);
  const { rows: most, bytes } = step.keepRows;
  const rows: ResultTable['rows'] = [];
  let used = 0;
  for (const row of table.rows.slice(0, most)) {
    used += JSON.stringify(row).length;
    if (used > bytes) break;
    rows.push(row);
  }
  return { columns: table.columns, rows, more: table.rows.length > rows.length };
}
