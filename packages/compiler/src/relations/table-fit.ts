import type { Columns, TableDefinition, WriteTableNode } from '@sluice/stages';
import { columnNamed, sameColumnName } from '@sluice/stages';

/**
 * The columns of a write the existing table lacks: empty when the table takes every one (by
 * name, ignoring case, as the targets match them), so an overwrite can keep its definition.
 */
export function missingColumns(definition: TableDefinition, columns: Columns): string[] {
  return (columns ?? []).filter((c) => !columnNamed(definition.columns, c.name)).map((c) => c.name);
}

/**
 * Whether an overwrite replaces the rows and keeps the table (its keys, indexes and types):
 * only when the catalogue describes the table and it takes every column of the write. A value a
 * kept column cannot hold fails the run, which leaves the table as it was.
 */
export function keepsDefinition(
  node: WriteTableNode,
  definition: TableDefinition | undefined,
  columns: Columns,
): boolean {
  return (
    node.mode === 'overwrite' &&
    definition !== undefined &&
    missingColumns(definition, columns).length === 0
  );
}

/** Whether the table has a primary or unique key on exactly `keys`, in any order. */
export function hasUniqueKey(definition: TableDefinition, keys: readonly string[]): boolean {
  return definition.uniqueKeys.some(
    (key) =>
      key.length === keys.length &&
      keys.every((wanted) => key.some((column) => sameColumnName(column, wanted))),
  );
}
