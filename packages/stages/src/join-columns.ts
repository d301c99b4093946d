import type { JoinedColumn } from './relational';
import type { Column, Columns } from './stage-ir';
import { sameColumnName } from './column-names';

/** What names a join's output columns: its key pairs and the prefix of each side. */
export interface JoinNaming {
  keys: readonly { left: string; right: string }[];
  leftPrefix: string;
  rightPrefix: string;
}

const named = (columns: Columns, name: string) =>
  columns?.find((c) => sameColumnName(c.name, name));

/** `{ type }` when known, nothing otherwise. */
const typed = (column: Column) => (column.type ? { type: column.type } : {});

/**
 * The output columns of a join, the left input's first, then the right's, each with the type of
 * the column it reads:
 * - a key pair whose two columns have the same name (ignoring case) and the same type is one
 *   column, where the left column stands, under the left column's name;
 * - any other column whose name the other input also has gets its side's prefix;
 * - every other column keeps its name.
 * @example joinedColumns([{ name: 'id' }, { name: 'a' }], [{ name: 'id' }, { name: 'a' }], { keys: [{ left: 'id', right: 'id' }], leftPrefix: 'left_', rightPrefix: 'right_' })
 * // [{ left: 'id', right: 'id', as: 'id' }, { left: 'a', as: 'left_a' }, { right: 'a', as: 'right_a' }]
 */
export function joinedColumns(
  left: readonly Column[],
  right: readonly Column[],
  naming: JoinNaming,
): JoinedColumn[] {
  const merged = new Map<string, string>();
  for (const key of naming.keys) {
    const l = named(left, key.left);
    const r = named(right, key.right);
    if (l && r && sameColumnName(l.name, r.name) && l.type === r.type) merged.set(l.name, r.name);
  }
  const mergedRight = new Set(merged.values());
  const prefixed = (column: Column, other: readonly Column[], prefix: string) =>
    named(other, column.name) ? `${prefix}${column.name}` : column.name;
  return [
    ...left.map((c): JoinedColumn => {
      const key = merged.get(c.name);
      if (key !== undefined) return { left: c.name, right: key, as: c.name, ...typed(c) };
      return { left: c.name, as: prefixed(c, right, naming.leftPrefix), ...typed(c) };
    }),
    ...right
      .filter((c) => !mergedRight.has(c.name))
      .map((c) => ({ right: c.name, as: prefixed(c, left, naming.rightPrefix), ...typed(c) })),
  ];
}

/** A join's output as the columns of a relation. */
export function joinOutput(columns: readonly JoinedColumn[]): Column[] {
  return columns.map(({ as, type }) => (type ? { name: as, type } : { name: as }));
}
