import type { SqlClient } from '../src/sql-client';

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(\.\d+)?)Z?$/;

/**
 * One value as both databases' clients can agree on it: numbers (DECIMAL digits, wide integers)
 * as numbers, timestamps (DuckDB's ISO text, MariaDB's DATETIME text) as ISO text in UTC.
 */
function normalise(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (NUMBER.test(value)) return Number(value);
  const datetime = DATETIME.exec(value);
  if (datetime) return new Date(`${datetime[1] ?? ''}T${datetime[2] ?? ''}Z`).toISOString();
  return value;
}

/** A table's column names in order (from its first row) and its rows, normalised and sorted, for comparing targets. */
export async function normalisedTable(
  client: SqlClient,
  quotedTable: string,
): Promise<{ columns: string[]; rows: string[] }> {
  const rows = await client.query(`SELECT * FROM ${quotedTable}`);
  return {
    columns: Object.keys(rows[0] ?? {}),
    rows: rows
      .map((row) => JSON.stringify(Object.values(row).map((value) => normalise(value))))
      .sort(),
  };
}
