/** A value as a preview shows it: JSON's scalars, NULL kept apart from the empty string. */
export type CellValue = string | number | boolean | null;

/** A query's result with its columns as the target names their types. */
export interface ResultTable {
  /** In select order; duplicate names are kept. */
  columns: { name: string; type: string }[];
  /** One array per row, values in column order. */
  rows: CellValue[][];
}

/**
 * A value made a cell: JSON scalars as they are, other values (lists, structs, objects) as
 * their JSON text, so every cell crosses to the browser as the target returned it.
 */
export function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}
