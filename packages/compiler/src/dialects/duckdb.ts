import type { Diagnostic } from '@sluice/flow';
import type { CastType, Column, CsvFormat, FileFormat, JsonLinesFormat } from '@sluice/stages';

import type { InlineRelation } from '../relations/materialise';
import type { SelectQuery } from '../relations/select-query';
import type { DialectStep, ExportArgs, LoadArgs, ReadArgs, TableWrite, WriteArgs } from './base';
import { stageUri } from '../names';
import { selectAll } from '../relations/select-query';
import { assertNoNul, Dialect } from './base';

/**
 * DuckDB: files are read with `read_csv` / `read_json` / `read_parquet` and written with
 * `COPY … TO`; DDL is transactional, so every step runs inside the run's transaction and a table
 * write is plain `CREATE` / `INSERT`.
 */
export class DuckDbDialect extends Dialect {
  readonly name = 'duckdb';
  readonly ddlInTransaction = true;

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
    JSON: 'JSON',
  } as const;

  /**
   * DuckDB's own types; a VARCHAR length is not enforced by DuckDB, so the cast checks it and
   * writes plain VARCHAR.
   * @see https://duckdb.org/docs/stable/sql/data_types/overview
   */
  protected castTypeName(type: CastType): string {
    switch (type.name) {
      case 'decimal':
        return `DECIMAL(${this.scalar(type.precision)}, ${this.scalar(type.scale)})`;
      case 'varchar':
      case 'text':
        return 'VARCHAR';
      default:
        return DUCKDB_CAST_TYPES[type.name];
    }
  }

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
   * A plain DuckDB literal leaves a backslash alone, which the MySQL-family reading of the SQL
   * check takes as an escape; an escape string (`E'…'`, backslashes doubled) reads the same both
   * ways and means the same text to DuckDB.
   * @see https://duckdb.org/docs/stable/sql/data_types/literal_types#escape-string-literals
   */
  protected override parameterText(value: string): string {
    if (!value.includes('\\')) return this.literal(value);
    assertNoNul(value, 'A text value');
    return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }

  /**
   * DuckDB drops a computed column with `* EXCLUDE`, so the input's columns need not be known.
   * @see https://duckdb.org/docs/stable/sql/expressions/star#exclude-clause
   */
  override numberedColumns(row: string): { numbered: string[]; kept: string[] } {
    return { numbered: ['*'], kept: [`* EXCLUDE (${row})`] };
  }

  override distinctOnLimits(): Diagnostic[] {
    return [];
  }

  /** DuckDB reads a file where it is, so a reader inlines `read_csv` (or its kin). */
  override readInPlace(args: ReadArgs): InlineRelation {
    const local = requireLocal(args.local);
    return { query: this.readQuery(local, args), files: [{ ref: args.file, mode: 'read', local }] };
  }

  loadFile(args: LoadArgs): DialectStep[] {
    const local = requireLocal(args.local);
    // DuckDB stops reading the file once a LIMIT has its rows, so a sample costs its rows only.
    const limit = args.sampleRows === undefined ? '' : ` LIMIT ${this.scalar(args.sampleRows)}`;
    const read = `${this.select(this.readQuery(local, args))}${limit}`;
    const sql = `CREATE TABLE ${this.quoteIdentifier(args.table)} AS ${read}`;
    return [
      {
        kind: 'load',
        phase: 'load',
        sql,
        inTransaction: true,
        rowsFrom: 'changes',
        files: [{ ref: args.file, mode: 'read', local }],
      },
    ];
  }

  /**
   * Every write runs in the run's transaction. Append inserts by column name, so column order
   * never matters. Overwrite deletes the rows and inserts the run's when the table takes its
   * columns (so keys, indexes and types stay), and replaces the table with the run's rows
   * otherwise. Upsert inserts with `ON CONFLICT (keys) DO UPDATE`, which needs a primary or
   * unique key on exactly those columns; a missing table is created with that primary key.
   * Without `createIfMissing` a missing table fails the run: `INSERT` fails by itself, and
   * overwrite first reads the table so `CREATE OR REPLACE` cannot create it.
   * @see https://duckdb.org/docs/stable/sql/statements/insert#insert-into--by-name
   * @see https://duckdb.org/docs/stable/sql/statements/insert#on-conflict-clause
   */
  writeTable(args: WriteArgs): TableWrite {
    const table = this.quoteTable(args.table);
    const { query: source } = this.relationOf(args);
    const step = (kind: string, sql: string): DialectStep => ({
      kind,
      phase: 'write',
      sql,
      inTransaction: true,
      ...(kind === 'write' ? { rowsFrom: 'changes' as const } : {}),
    });
    const insert = `INSERT INTO ${table} BY NAME ${source}`;
    if (args.mode === 'overwrite') {
      if (args.keepDefinition) {
        return { steps: [step('clear', `DELETE FROM ${table}`), step('write', insert)] };
      }
      const write = step('write', `CREATE OR REPLACE TABLE ${table} AS ${source}`);
      if (args.createIfMissing) return { steps: [write] };
      return { steps: [step('check', `SELECT * FROM ${table} LIMIT 0`), write] };
    }
    if (args.mode === 'upsert') {
      const steps = this.createsKeyed(args)
        ? [
            step(
              'create',
              this.createKeyedTable(args.table, {
                columns: args.columns,
                keys: args.keys,
                ifNotExists: true,
              }),
            ),
          ]
        : [];
      return { steps: [...steps, step('write', `${insert} ${this.onConflict(args)}`)] };
    }
    if (!args.createIfMissing) return { steps: [step('write', insert)] };
    const create = `CREATE TABLE IF NOT EXISTS ${table} AS ${source} WITH NO DATA`;
    return { steps: [step('create', create), step('write', insert)] };
  }

  /** `ON CONFLICT (keys) DO UPDATE SET c = excluded.c` for every column but the keys. */
  private onConflict(args: WriteArgs): string {
    const keys = args.keys.map((k) => this.quoteIdentifier(k)).join(', ');
    const set = args.columns
      ? this.updatedColumns(args.columns, args.keys)
          .map((c) => `${this.quoteIdentifier(c.name)} = excluded.${this.quoteIdentifier(c.name)}`)
          .join(', ')
      : "/* every column but the keys, once the input's columns are known */";
    return `ON CONFLICT (${keys}) DO UPDATE SET ${set}`;
  }

  /** @see https://duckdb.org/docs/stable/sql/statements/copy#copy--to */
  exportFile(args: ExportArgs): DialectStep[] {
    const local = requireLocal(args.local);
    const temp = args.temp ?? local;
    const sql = `COPY (${args.query}) TO ${this.literal(temp)} (${this.copyOptions(args.format)})`;
    return [
      {
        kind: 'export',
        phase: 'export',
        sql,
        inTransaction: true,
        rowsFrom: 'changes',
        files: [{ ref: args.file, mode: 'write', local, temp }],
      },
    ];
  }

  /**
   * Asks DuckDB for a file's columns, one row per column (`name`, `type`), reading it with the
   * same options as `loadFile` so the columns are those the load will see. For CSV the sniffer
   * ignores rows that do not fit, so the strict load that follows names the bad row's line;
   * JSON lines and Parquet are described from the reader itself.
   * @see https://duckdb.org/docs/stable/data/csv/auto_detection
   * @see https://duckdb.org/docs/stable/guides/meta/describe
   */
  sniffColumns(args: { local: string; format: FileFormat }): string {
    if (args.format.kind !== 'csv') {
      const reader = this.reader(args.local, args.format, []);
      return `SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM ${reader})`;
    }
    const options = [...this.readerOptions(args.format), 'ignore_errors = true'];
    const source = `sniff_csv(${this.literal(args.local)}, ${options.join(', ')})`;
    return `SELECT unnest(Columns, recursive := true) FROM ${source}`;
  }

  /**
   * The SELECT reading a file. Parquet carries its own types, so declared columns are picked by
   * name and cast; JSON lines and CSV take the columns as reader options.
   */
  private readQuery(local: string, args: ReadArgs): SelectQuery {
    if (args.format.kind === 'jsonl' && args.format.rows === 'arrays') {
      return this.readArrayLines(local, args, args.format);
    }
    const reader = this.reader(local, args.format, args.columns);
    if (args.format.kind !== 'parquet' || args.columns.length === 0) return selectAll(reader);
    const list = args.columns.map((c) => {
      const name = this.quoteIdentifier(c.name);
      return `CAST(${name} AS ${this.columnType(c.type ?? 'VARCHAR')}) AS ${name}`;
    });
    return { columns: list, from: reader };
  }

  /**
   * Lines of arrays: each line is read as one JSON value and the columns are its elements in
   * order, `->>` giving an element's text (JSON text for a nested value) to cast. A line that
   * is not an array fails the load naming the file, as the MySQL family's stream does, where
   * `->>` alone would read it as NULLs.
   * @see https://duckdb.org/docs/stable/data/json/json_functions#json-extraction-functions
   */
  private readArrayLines(local: string, args: ReadArgs, format: JsonLinesFormat): SelectQuery {
    const options = [`format = 'newline_delimited'`, ...this.compressionOption(format)];
    const notArray = this.literal(
      `Cannot load ${stageUri(args.file)}: a line is not a JSON array.`,
    );
    const list = args.columns.map((c, i) => {
      const type = this.columnType(c.type ?? 'VARCHAR');
      const value = `json ->> ${this.scalar(i)}`;
      const checked =
        i === 0
          ? `CASE WHEN json_type(json) = 'ARRAY' THEN ${value} ELSE error(${notArray}) END`
          : value;
      return `CAST(${checked} AS ${type}) AS ${this.quoteIdentifier(c.name)}`;
    });
    const reader = `read_json_objects(${this.literal(local)}, ${options.join(', ')})`;
    return { columns: list, from: reader };
  }

  /** DuckDB's readers guess from the extension by themselves, so only a named one is written. */
  private compressionOption(format: CsvFormat | JsonLinesFormat): string[] {
    return format.compression === undefined
      ? []
      : [`compression = ${this.literal(format.compression)}`];
  }

  /**
   * Every CSV option is spelled out so no sniffed default decides the result. `strict_mode`
   * with no `ignore_errors` / `null_padding` makes a malformed row fail the load with its line
   * number ("CSV Error on Line: N").
   * @see https://duckdb.org/docs/stable/data/csv/overview#parameters
   * @see https://duckdb.org/docs/stable/data/json/loading_json#parameters
   */
  private reader(local: string, format: FileFormat, columns: readonly Column[]): string {
    const path = this.literal(local);
    if (format.kind === 'parquet') return `read_parquet(${path})`;
    const options =
      format.kind === 'csv'
        ? [
            ...this.readerOptions(format),
            'strict_mode = true',
            'null_padding = false',
            'ignore_errors = false',
          ]
        : [`format = 'newline_delimited'`, ...this.compressionOption(format)];
    if (columns.length > 0) options.push(`columns = ${this.columnStruct(columns)}`);
    if (format.kind === 'csv' || columns.length > 0) {
      options.push(`auto_detect = ${this.scalar(columns.length === 0)}`);
    }
    const fn = format.kind === 'csv' ? 'read_csv' : 'read_json';
    return `${fn}(${path}, ${options.join(', ')})`;
  }

  /** @see https://duckdb.org/docs/stable/sql/statements/copy#csv-options */
  private copyOptions(format: FileFormat): string {
    if (format.kind === 'jsonl') return 'FORMAT json';
    if (format.kind === 'parquet') return 'FORMAT parquet';
    const options = this.csvOptions(format, {
      header: 'HEADER',
      delimiter: 'DELIMITER',
      quote: 'QUOTE',
      escape: 'ESCAPE',
      nullString: 'NULLSTR',
    }).map(([key, value]) => `${key} ${value}`);
    return `FORMAT csv, ${options.join(', ')}`;
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
      ...this.compressionOption(format),
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

const DUCKDB_CAST_TYPES = {
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
} as const;

/** DuckDB reads and writes files Sluice resolved; the compiler always passes a path. */
function requireLocal(local: string | undefined): string {
  if (local === undefined) throw new Error('DuckDB needs the local path of every file.');
  return local;
}
