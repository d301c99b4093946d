/**
 * A SELECT of the numbers 1 to `count` in the column `as` (quoted), built from the digits 0-9
 * cross-joined once per decimal place of `count - 1`, the leading place only as far as `count`
 * needs, so at most ten times fewer rows are made than read; for MySQL, which has no number
 * table (see `MySqlDialect.rowNumbers`).
 */
export function digitNumbers(count: number, as: string, quote: (name: string) => string): string {
  const places = String(count - 1).length;
  const top = Math.floor((count - 1) / 10 ** (places - 1));
  const digits = (most: number) =>
    Array.from({ length: most + 1 }, (_, d) => `SELECT ${String(d)} AS ${quote('d')}`).join(
      ' UNION ALL ',
    );
  const tables = Array.from({ length: places }, (_, place) => {
    const most = place === places - 1 ? top : 9;
    return `(${digits(most)}) AS ${quote(`__sluice_d${String(place)}`)}`;
  });
  const sum = Array.from(
    { length: places },
    (_, place) => `${quote(`__sluice_d${String(place)}`)}.${quote('d')} * ${String(10 ** place)}`,
  ).join(' + ');
  const numbers = `SELECT ${sum} + 1 AS ${quote('__sluice_n')} FROM ${tables.join(' CROSS JOIN ')}`;
  return `SELECT ${quote('__sluice_n')} AS ${as} FROM (${numbers}) AS ${quote('__sluice_digits')} WHERE ${quote('__sluice_n')} <= ${String(count)}`;
}
