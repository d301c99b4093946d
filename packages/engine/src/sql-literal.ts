/**
 * A DuckDB string literal for text the engine itself puts into SQL (file paths, CSV options).
 * DuckDB strings have no backslash escapes; a quote is escaped by doubling it.
 * @see https://duckdb.org/docs/stable/sql/data_types/literal_types#string-literals
 */
export function sqlString(text: string): string {
  if (text.includes('\0')) throw new Error('Text for SQL must not contain NUL characters.');
  return `'${text.replaceAll("'", "''")}'`;
}
