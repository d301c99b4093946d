/**
 * The first `<base>-<n>` (n ≥ 1) not in `taken`; ids stay valid for `IdSchema`. New stages and
 * links get their ids from here, in the editor and in code alike.
 * @example uniqueId('filter', new Set(['filter-1'])) // 'filter-2'
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const safe = base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'stage';
  for (let n = 1; ; n += 1) {
    const id = `${safe}-${n}`;
    if (!taken.has(id)) return id;
  }
}
