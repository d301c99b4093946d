/**
 * The values the relational form (`relational.ts`) is made of: columns and their neutral types,
 * expressions, files and their formats, tables. Stages never write SQL text themselves, except
 * the user-written pieces (`sql` exprs), which the compiler checks before use.
 */

/** A column of a relation. `type` is a neutral SQL type name; absent when not known. */
export interface Column {
  name: string;
  type?: ColumnType;
}

/**
 * The neutral column types a stage may declare; each dialect maps them to its own. VARCHAR is
 * text of any length on every target, so there is no separate TEXT.
 */
export const COLUMN_TYPES = [
  'VARCHAR',
  'BIGINT',
  'INTEGER',
  'DOUBLE',
  'DECIMAL',
  'BOOLEAN',
  'DATE',
  'TIMESTAMP',
  'JSON',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * A type a cast converts to, in the portable vocabulary every target maps to its own: DECIMAL
 * with its precision (all digits) and scale (digits after the point), VARCHAR with its length in
 * characters, TEXT of any length.
 */
export type CastType =
  | { name: 'integer' | 'bigint' | 'double' | 'text' | 'boolean' | 'date' | 'timestamp' | 'json' }
  | { name: 'decimal'; precision: number; scale: number }
  | { name: 'varchar'; length: number };

/** The name of a portable cast type. */
export type CastTypeName = CastType['name'];

/** The columns a stage outputs; `undefined` while they are only known when the flow runs. */
export type Columns = readonly Column[] | undefined;

/** Where the config field behind a piece of IR lives, so diagnostics can point at it. */
export type ConfigPath = readonly (string | number)[];

/** A value expression: an input column by name, or user-written SQL checked by the compiler. */
export type Expr =
  | { kind: 'column'; name: string; path: ConfigPath }
  | { kind: 'sql'; sql: string; path: ConfigPath };

/** An expression that reads one input column as it is. */
export type ColumnExpr = Extract<Expr, { kind: 'column' }>;

/** A file inside an external stage, named by the external stage and a relative path. */
export interface FileRef {
  externalStage: string;
  path: string;
}

/**
 * How a file that is read is compressed: `auto` goes by its extension (`.gz`, `.bz2`, `.lz4`,
 * `.zst`), as every target's own reader does. Files written are never compressed.
 */
export type Compression = 'auto' | 'none' | 'gzip' | 'bzip2' | 'lz4' | 'zstd';

/** Delimited text options; every field is explicit so no dialect default decides the result. */
export interface CsvFormat {
  kind: 'csv';
  header: boolean;
  delimiter: string;
  quote: string;
  escape: string;
  skipLines: number;
  nullString: string;
  /** Only for files read; absent means `auto`. */
  compression?: Compression;
}

/**
 * JSON lines: one JSON value per line. `objects` (the default) holds one object per line, keys
 * matched to columns by name; `arrays` holds one array per line, values in column order
 * (MatrixOne's `jsondata='array'`).
 */
export interface JsonLinesFormat {
  kind: 'jsonl';
  rows?: 'objects' | 'arrays';
  /** Only for files read; absent means `auto`. */
  compression?: Compression;
}

/** Apache Parquet: columns matched by name, types from the file. */
export interface ParquetFormat {
  kind: 'parquet';
}

/** How a file is laid out. TSV is `csv` with a tab delimiter. */
export type FileFormat = CsvFormat | JsonLinesFormat | ParquetFormat;

/** A table a destination writes, optionally in a schema (database). */
export interface TableRef {
  schema?: string;
  name: string;
}

/**
 * What the target's catalogue says of an existing table: its columns, and the column sets of its
 * primary and unique keys (each in key order).
 */
export interface TableDefinition {
  table: TableRef;
  columns: readonly Column[];
  uniqueKeys: readonly (readonly string[])[];
}
