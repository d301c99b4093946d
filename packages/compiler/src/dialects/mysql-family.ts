import type { CastType, Column, ColumnType, CsvFormat, SortKey, TableRef } from '@sluice/stages';

import { assertNoNul, Dialect } from './base';

/**
 * What MySQL, MariaDB and MatrixOne spell alike: backquoted identifiers, backslash-escaping
 * string literals, and delimited-file clauses of `LOAD DATA`.
 */
export abstract class MySqlFamilyDialect extends Dialect {
  /**
   * MySQL and MariaDB have LEFT and RIGHT outer joins only; so has MatrixOne, whose grammar
   * (`outer_join` in pkg/sql/parsers/dialect/mysql/mysql_sql.y) lists no FULL.
   * @see https://dev.mysql.com/doc/refman/8.0/en/join.html
   * @see https://mariadb.com/kb/en/join-syntax/
   */
  override readonly hasFullJoin: boolean = false;

  /**
   * Backquotes an identifier, doubling any backquote inside, so any name (quotes, backslashes,
   * unicode) round-trips exactly.
   * @see https://dev.mysql.com/doc/refman/8.0/en/identifiers.html
   */
  override quoteIdentifier(name: string): string {
    assertNoNul(name, 'A name');
    return `\`${name.replaceAll('`', '``')}\``;
  }

  /**
   * Backslash is an escape character in these literals (sql-reference.md §0), so it is doubled,
   * and `'` is doubled. Line breaks and tabs are written as `\n`, `\r`, `\t`, which the server
   * decodes, so statements stay on one line. This relies on `NO_BACKSLASH_ESCAPES` being off:
   * the engine clears it on every MySQL and MariaDB session; MatrixOne's default mode has it off.
   * @see https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
   */
  literal(value: string): string {
    assertNoNul(value, 'A text value');
    const escaped = value
      .replaceAll('\\', '\\\\')
      .replaceAll("'", "''")
      .replaceAll('\n', '\\n')
      .replaceAll('\r', '\\r')
      .replaceAll('\t', '\\t');
    return `'${escaped}'`;
  }

  /**
   * MySQL and MariaDB have no `NULLS FIRST` / `NULLS LAST` (NULLs sort as the smallest value), so
   * a key is preceded by `x IS NULL`, which is 1 for NULLs: descending puts them first.
   * @see https://dev.mysql.com/doc/refman/8.0/en/sorting-rows.html
   */
  override orderKey(key: SortKey): string {
    const value = this.expr(key.expr);
    const direction = key.direction === 'asc' ? 'ASC' : 'DESC';
    return `${value} IS NULL ${key.nulls === 'first' ? 'DESC' : 'ASC'}, ${value} ${direction}`;
  }

  /**
   * `CONV` reads the hex digits as text of a decimal number, which the CAST makes a BIGINT
   * (left as text, arithmetic on it would go through a double and lose digits).
   * @see https://dev.mysql.com/doc/refman/8.0/en/mathematical-functions.html#function_conv
   * @see https://github.com/matrixorigin/matrixone/blob/main/test/distributed/cases/function/conv_row_bases.sql
   */
  override hexToInteger(hex: string): string {
    return `CAST(CONV(SUBSTR(${hex}, 1, 15), 16, 10) AS SIGNED)`;
  }

  /** @see https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_date-add */
  override addDays(date: string, days: string): string {
    return `DATE_ADD(CAST(${date} AS DATE), INTERVAL ${days} DAY)`;
  }

  /** These servers round a double by its shortest decimal text already. */
  override decimalOfDouble(sql: string, type: CastType): string {
    return this.castTo(sql, type);
  }

  /** @see https://mariadb.com/kb/en/regexp/ */
  override matches(sql: string, pattern: string): string {
    return `${sql} REGEXP ${this.literal(pattern)}`;
  }

  /**
   * DATETIME(6) reads as text with all six fraction digits, so they are written out and the
   * trailing zeros (and a bare point) dropped, giving DuckDB's text of the same timestamp.
   */
  override timestampText(sql: string): string {
    const full = `DATE_FORMAT(${sql}, ${this.literal('%Y-%m-%d %H:%i:%s.%f')})`;
    return `TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM ${full}))`;
  }

  /**
   * These targets have no `* REPLACE`, so without the input's column names there is no list to
   * write; the text says so, as the staging of a file with undetected columns does.
   */
  override replacedColumns(replaced: readonly { name: string; sql: string }[]): string {
    const names = replaced.map((r) => this.quoteIdentifier(r.name)).join(', ');
    return `/* every input column, with ${names} converted, once the input's columns are known */`;
  }

  /**
   * `CREATE TABLE` for a staging table with the file's columns, each of the native type `typeOf`
   * gives (the dialect's own by default). Without known columns (a preview of a file whose
   * columns are detected when the flow runs) the list says so instead.
   */
  protected createStaging(
    table: string | TableRef,
    columns: readonly Column[],
    { suffix = '', typeOf = (type: ColumnType) => this.columnType(type) } = {},
  ): string {
    const list =
      columns.length > 0
        ? columns
            .map((c) => `${this.quoteIdentifier(c.name)} ${typeOf(c.type ?? 'VARCHAR')}`)
            .join(', ')
        : "/* the file's columns, detected when the flow runs */";
    const name = typeof table === 'string' ? this.quoteIdentifier(table) : this.quoteTable(table);
    return `CREATE TABLE ${name} (${list})${suffix}`;
  }

  /**
   * `FIELDS … LINES … IGNORE n LINES`, every clause explicit because the servers' defaults differ
   * (sql-reference.md §10.1). An escape equal to the quote means RFC 4180 doubled quotes, which
   * both servers read natively inside an enclosed field, so escaping is turned off.
   */
  protected delimitedClauses(format: CsvFormat, enclosed: string): string {
    const escape = format.escape === format.quote ? '' : format.escape;
    const ignore = format.skipLines + (format.header ? 1 : 0);
    return [
      `FIELDS TERMINATED BY ${this.literal(format.delimiter)}`,
      `${enclosed} BY ${this.literal(format.quote)}`,
      `ESCAPED BY ${this.literal(escape)}`,
      `LINES TERMINATED BY ${this.literal('\n')}`,
      `IGNORE ${this.scalar(ignore)} LINES`,
    ].join(' ');
  }

  /** `INSERT INTO t (cols) SELECT cols FROM from`, or `SELECT *` when the columns are unknown. */
  protected insertSelect(table: TableRef, from: string, columns: Column[] | undefined): string {
    const target = this.quoteTable(table);
    if (!columns || columns.length === 0) return `INSERT INTO ${target} SELECT * FROM ${from}`;
    const list = this.columnList(columns);
    return `INSERT INTO ${target} (${list}) SELECT ${list} FROM ${from}`;
  }

  /**
   * The insert of an upsert: `… ON DUPLICATE KEY UPDATE c = VALUES(c)` for every column but the
   * keys. `VALUES(c)` is the value the row would have inserted; MariaDB and MatrixOne have only
   * this spelling (MatrixOne's `on_duplicate_key.sql` and `on_duplicate_key_modern.sql` cases use
   * it, over `INSERT … SELECT` too), and MySQL 8 still runs it with a deprecation warning, since
   * its row-alias replacement is for `INSERT … VALUES` only.
   * @see https://mariadb.com/kb/en/insert-on-duplicate-key-update/
   * @see https://dev.mysql.com/doc/refman/8.0/en/insert-on-duplicate.html
   */
  protected upsertSelect(
    table: TableRef,
    source: string,
    { columns, keys }: { columns: Column[] | undefined; keys: readonly string[] },
  ): string {
    const set = columns
      ? this.updatedColumns(columns, keys)
          .map((c) => `${this.quoteIdentifier(c.name)} = VALUES(${this.quoteIdentifier(c.name)})`)
          .join(', ')
      : "/* every column but the keys, once the input's columns are known */";
    return `${this.insertSelect(table, source, columns)} ON DUPLICATE KEY UPDATE ${set}`;
  }
}
