import type { Target } from '@sluice/engine';
import type { ColumnType } from '@sluice/stages';
import { dialectFor, stageDestinationTables } from '@sluice/compiler';

import type { RunResultDeps } from './run-analysis';
import { InvalidRequestError, NotFoundError } from '../errors';
import { runAnalysis } from './run-analysis';

/** How many rows a look at a destination shows; one more is read to know there are others. */
export const DESTINATION_ROW_LIMIT = 100;

/** The first rows of a table a run wrote, each value as text or null, never blurred together. */
export interface DestinationRows {
  /** The table as the flow names it (`schema.name` or `name`). */
  table: string;
  columns: { name: string; type?: ColumnType }[];
  rows: (string | null)[][];
  /** True when the table holds more rows than are shown. */
  more: boolean;
}

/** A value as text: numbers, dates and booleans as the driver returns them, binary in hex. */
function shownValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

/**
 * Reads the first rows of the table a destination stage of a run wrote, on a connection of its
 * own so a large read never holds up metadata work. The table is the one the run's own flow
 * version names, since the flow may have changed since.
 */
export async function destinationRows(
  deps: RunResultDeps & { target: Target },
  input: { runId: string; stageId: string },
): Promise<DestinationRows> {
  const { version, analysis } = await runAnalysis(deps, input.runId);
  const written = stageDestinationTables(analysis).find((d) => d.stageId === input.stageId);
  if (!written) {
    throw new InvalidRequestError(
      `Stage "${input.stageId}" writes no table in version ${version} of this flow.`,
    );
  }
  const { table } = written;
  const name = table.schema ? `${table.schema}.${table.name}` : table.name;
  const columns = await deps.target.tableColumns(table);
  if (!columns) {
    throw new NotFoundError(`Table ${name} no longer exists; it was dropped after the run.`);
  }
  const client = await deps.target.connect();
  try {
    const quoted = dialectFor(deps.target.profile).quoteTable(table);
    const found = await client.query(
      `SELECT * FROM ${quoted} LIMIT ${String(DESTINATION_ROW_LIMIT + 1)}`,
    );
    return {
      table: name,
      columns,
      rows: found
        .slice(0, DESTINATION_ROW_LIMIT)
        .map((row) => columns.map((column) => shownValue(row[column.name]))),
      more: found.length > DESTINATION_ROW_LIMIT,
    };
  } finally {
    await client.close();
  }
}
