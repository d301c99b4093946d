import type { Column, CsvFormat } from '@sluice/stages';

import type { WriteStatement } from './base';
import { assertNoNul, Dialect } from './base';

/**
 * DuckDB: files are read with `read_csv` and written with `COPY … TO`; DDL is transactional, so
 * a table write is plain `CREATE` / `INSERT` inside the run's transaction.
 */
export class DuckDbDialect extends Dialect {
  readonly name = 'duckdb';

  /** A neutral DECIMAL has no precision; DuckDB's bare DECIMAL is (18, 3) and would round. */
  protected readonly types = {
    VARCHAR: 'VARCHAR',
    BIGINT: 'BIGINT',
    INTEGER: 'INTEGER',
    DOUBLE: 'DOUBLE',
    DECIMAL: 'DECIMAL(38, 10)',
    BOOLEAN: 'BOOLEAN',
    DATE: 'DATE',
    TIMESTAMP: 'TIMESTAMP',
  } as const;

  /**
   * DuckDB string literals are SQL-standard: a `'` inside is written `''` and backslash has no
   * special meaning (only `E'…'` literals, never produced here, interpret backslash escapes).
   * @see https://duckdb.org/docs/stable/sql/data_types/literal_types#string-literals
   */
  literal(value: string): string {
    assertNoNul(value, 'A text value');
    return `'${value.replaceAll("'", "''")}'`;
  }

  /**
   * Every option is spelled out so no sniffed default decides the result. `strict_mode` with no
   * `ignore_errors` / `null_padding` makes a malformed row fail the load with its line number
   * ("CSV Error on Line: N"). With detected columns a file malformed within the sniffer's sample
   * fails earlier with DuckDB's "Error when sniffing file" instead.
   * @see https://duckdb.org/docs/stable/data/csv/overview#parameters
   */
  loadFile(args: {
    table: string;
    local: string;
    format: CsvFormat;
    columns: readonly Column[];
  }): string {
    const options = [
      ...this.readerOptions(args.format),
      'strict_mode = true',
      'null_padding = false',
      'ignore_errors = false',
    ];
    if (args.columns.length > 0) options.push(`columns = ${this.columnStruct(args.columns)}`);
    options.push(`auto_detect = ${this.scalar(args.columns.length === 0)}`);
    const source = `read_csv(${this.literal(args.local)}, ${options.join(', ')})`;
    return `CREATE TABLE ${this.quoteIdentifier(args.table)} AS SELECT * FROM ${source}`;
  }

  /**
   * Append inserts by column name, so column order never matters; overwrite replaces the table
   * with the run's rows. Without `createIfMissing` a missing table fails the run: `INSERT` fails
   * by itself, and overwrite first reads the table so `CREATE OR REPLACE` cannot create it.
   * @see https://duckdb.org/docs/stable/sql/statements/insert#insert-into--by-name
   */
  writeTable(args: {
    source: string;
    table: { schema?: string; name: string };
    mode: 'append' | 'overwrite';
    createIfMissing: boolean;
  }): WriteStatement[] {
    const table = this.quoteTable(args.table);
    const source = `SELECT * FROM ${this.quoteIdentifier(args.source)}`;
    if (args.mode === 'overwrite') {
      const write = {
        kind: 'write',
        sql: `CREATE OR REPLACE TABLE ${table} AS ${source}`,
      } as const;
      if (args.createIfMissing) return [write];
      return [{ kind: 'check', sql: `SELECT * FROM ${table} LIMIT 0` }, write];
    }
    const insert = { kind: 'write', sql: `INSERT INTO ${table} BY NAME ${source}` } as const;
    if (!args.createIfMissing) return [insert];
    const create = `CREATE TABLE IF NOT EXISTS ${table} AS ${source} WITH NO DATA`;
    return [{ kind: 'create', sql: create }, insert];
  }

  /**
   * Asks DuckDB's sniffer for a file's columns, one row per column (`name`, `type`), reading it
   * with the same options as `loadFile` so the columns are those the load will see. Rows that do
   * not fit are ignored here, so the strict load that follows names the bad row's line.
   * @see https://duckdb.org/docs/stable/data/csv/auto_detection
   */
  sniffColumns(args: { local: string; format: CsvFormat }): string {
    const options = [...this.readerOptions(args.format), 'ignore_errors = true'];
    const source = `sniff_csv(${this.literal(args.local)}, ${options.join(', ')})`;
    return `SELECT unnest(Columns, recursive := true) FROM ${source}`;
  }

  /** @see https://duckdb.org/docs/stable/sql/statements/copy#csv-options */
  exportFile(args: { source: string; local: string; format: CsvFormat }): string {
    const options = this.csvOptions(args.format, {
      header: 'HEADER',
      delimiter: 'DELIMITER',
      quote: 'QUOTE',
      escape: 'ESCAPE',
      nullString: 'NULLSTR',
    }).map(([key, value]) => `${key} ${value}`);
    const query = `SELECT * FROM ${this.quoteIdentifier(args.source)}`;
    return `COPY (${query}) TO ${this.literal(args.local)} (FORMAT csv, ${options.join(', ')})`;
  }

  /** The `read_csv` / `sniff_csv` options that say how a file is laid out. */
  private readerOptions(format: CsvFormat): string[] {
    return [
      ...this.csvOptions(format, {
        header: 'header',
        delimiter: 'delim',
        quote: 'quote',
        escape: 'escape',
        nullString: 'nullstr',
      }).map(([key, value]) => `${key} = ${value}`),
      `skip = ${this.scalar(format.skipLines)}`,
    ];
  }

  private csvOptions(
    format: CsvFormat,
    names: Record<'header' | 'delimiter' | 'quote' | 'escape' | 'nullString', string>,
  ): [string, string][] {
    return [
      [names.header, this.scalar(format.header)],
      [names.delimiter, this.literal(format.delimiter)],
      [names.quote, this.literal(format.quote)],
      [names.escape, this.literal(format.escape)],
      [names.nullString, this.literal(format.nullString)],
    ];
  }

  /** `{'name': 'TYPE', …}`: struct keys are string literals, so names go through `literal`. */
  private columnStruct(columns: readonly Column[]): string {
    const entries = columns.map(
      (c) => `${this.literal(c.name)}: ${this.literal(this.columnType(c.type ?? 'VARCHAR'))}`,
    );
    return `{${entries.join(', ')}}`;
  }
}
