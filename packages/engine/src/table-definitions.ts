import type { TableDefinition, TableRef } from '@sluice/stages';

import type { Target } from './target';

/** One column of a primary or unique key, as a catalogue lists them: key by key, in key order. */
export interface KeyColumn {
  key: string;
  column: string;
}

/** The column sets of the keys in `rows`, each in the order the rows give. */
export function groupKeys(rows: readonly KeyColumn[]): string[][] {
  const keys = new Map<string, string[]>();
  for (const { key, column } of rows) keys.set(key, [...(keys.get(key) ?? []), column]);
  return [...keys.values()];
}

/**
 * The definitions of those of `tables` that exist: their columns from the catalogue and their
 * primary and unique keys from `keysOf`, for the compiler's overwrite and upsert decisions.
 */
export async function describeTables(
  target: Pick<Target, 'tableColumns'>,
  keysOf: (table: TableRef) => Promise<string[][]>,
  tables: readonly TableRef[],
): Promise<TableDefinition[]> {
  const found: TableDefinition[] = [];
  for (const table of tables) {
    const columns = await target.tableColumns(table);
    if (columns) found.push({ table, columns, uniqueKeys: await keysOf(table) });
  }
  return found;
}
