import type { Diagnostic, FieldPath, ParameterType, ParameterValue } from '@sluice/flow';
import type {
  CastType,
  CloneNode,
  Column,
  Columns,
  ColumnType,
  CreateSnapshotNode,
  DistinctOnNode,
  ExportFileNode,
  Expr,
  FileFormat,
  FileRef,
  JoinNode,
  RestoreSnapshotNode,
  ScanFileNode,
  ScanTableNode,
  SortKey,
  TableDefinition,
  TableRef,
  UnionNode,
  WriteTableNode,
} from '@sluice/stages';
import { diagnostic } from '@sluice/flow';
import { columnNamed, COMPRESSION_LABELS, readCompression, sameColumnName } from '@sluice/stages';

import type { DialectName, Phase, PlanStep, TargetProfile } from '../plan';
import type { InlineRelation } from '../relations/materialise';
import type { SelectQuery } from '../relations/select-query';
import { READ_COMPRESSIONS, targetsReading } from './read-compressions';

/** A staged relation a plan creates; cleanup drops it with the matching statement. */
export interface StagedRelation {
  name: string;
  kind: 'table' | 'view';
  /** Set for relations kept beside a destination (MySQL's shadow tables). */
  schema?: string;
}

/**
 * A step as a dialect writes it. The compiler ties it to its stage and names it
 * `<kind>:<stage id>` (`staging:`, `load:`, `check:`, `create:`, `write:`, `export:`).
 */
export interface DialectStep extends Omit<PlanStep, 'id' | 'stageId'> {
  kind: string;
}

/** A file source to land in the new staging table `table`. */
export interface LoadArgs {
  table: string;
  file: FileRef;
  /** Where Sluice resolved the file; absent where the database resolves it (MatrixOne). */
  local?: string;
  format: FileFormat;
  /** Declared or detected columns in file order; empty when neither is known. */
  columns: readonly Column[];
  /** Land only the file's first rows, this many (a data preview); the whole file when absent. */
  sampleRows?: number;
}

/** A file source to read in place: what `LoadArgs` says but the table. */
export type ReadArgs = Omit<LoadArgs, 'table'>;

/**
 * A file source whose file a table write loads straight into the table it builds, where nothing
 * else reads the file's rows: no staging table, and the rows move once (see `Dialect.landsInto`).
 */
export interface Landing extends ReadArgs {
  /** The file source's stage, which reports the rows loaded and owns an error about the file. */
  stageId: string;
}

/**
 * What a table write reads: a relation, as a FROM item (`source`: a quoted name or a derived
 * table) and as a whole SELECT (`query`, which keeps its order and limit); or a file source it
 * loads itself (`landing`), where the dialect's `landsInto` said it would.
 */
export type WriteInput =
  | { source: string; query: string; landing?: undefined }
  | { landing: Landing; source?: undefined; query?: undefined };

/** One table destination fed by a relation or by a file it loads (`WriteInput`). */
export type WriteArgs = WriteTarget & WriteInput;

interface WriteTarget {
  stageId: string;
  runTag: string;
  table: TableRef;
  mode: 'append' | 'overwrite' | 'upsert';
  /** The columns that identify a row of an upsert. */
  keys: readonly string[];
  createIfMissing: boolean;
  /** The columns of `source` when known, for an explicit insert column list. */
  columns: Columns;
  /** Whether the table exists at run start; `undefined` when not known (previews). */
  exists: boolean | undefined;
  /**
   * For an overwrite: the existing table takes every column of `source`, so its rows are
   * replaced and its definition (keys, indexes, types) stays; otherwise the table is made anew.
   */
  keepDefinition: boolean;
}

/** A shadow table that replaces (or becomes) a destination in the plan's one swap. */
export interface TableSwap {
  table: TableRef;
  shadow: string;
  /** Where the current table is moved; absent when the destination does not exist yet. */
  old?: string;
  /** Where the undo moves the new table before the old one comes back. */
  trash: string;
}

/** The steps of one table write, and what it adds to the plan's swap and cleanup. */
export interface TableWrite {
  steps: DialectStep[];
  swap?: TableSwap;
  staged?: StagedRelation[];
}

/** A file export of a relation, given as `WriteArgs` gives it. */
export interface ExportArgs {
  source: string;
  query: string;
  file: FileRef;
  /** Where the file ends up and where it is written first; absent where the database writes. */
  local?: string;
  temp?: string;
  format: FileFormat;
}

/** What a dialect may ask about the plan while it checks a node. */
export interface CheckContext {
  tableExists(table: TableRef): boolean | undefined;
  /** The catalogue's definition of an existing destination table; `undefined` when not known. */
  definitionOf(table: TableRef): TableDefinition | undefined;
  /** The columns arriving at one of the checked stage's input ports. */
  columnsOf(port: string): Columns;
  /** True for a file whose external stage keeps its files on S3 (see `s3ExternalStages`). */
  onS3(file: FileRef): boolean;
}

/**
 * What every dialect shares: quoting identifiers, the one audited literal function, the
 * neutral-to-native type mapping and views. A dialect file overrides what its database spells
 * differently (Kysely's base query compiler plus per-dialect overrides). An instance is bound to
 * one target, whose version decides version-gated SQL.
 */
export abstract class Dialect {
  abstract readonly name: DialectName;

  /** Whether DDL (staging tables, views) runs inside the run's transaction. */
  abstract readonly ddlInTransaction: boolean;

  /** True where the database reads and writes `stage://` files itself (no local path). */
  readonly databaseResolvesFiles: boolean = false;

  /**
   * True where `FULL JOIN` exists; elsewhere a full join is written as a left join plus the right
   * rows that match nothing.
   * @see https://duckdb.org/docs/stable/sql/query_syntax/from#outer-joins
   */
  readonly hasFullJoin: boolean = true;

  /** Native spelling of each neutral column type. */
  protected abstract readonly types: Readonly<Record<ColumnType, string>>;

  /** The most digits a DECIMAL cast may have here, and after the point. */
  protected readonly maxDecimalPrecision: number = 38;
  protected readonly maxDecimalScale: number = 38;

  constructor(readonly target: TargetProfile) {}

  /**
   * The one audited function that turns a value into a string literal. Every value that reaches
   * SQL text goes through it; each dialect documents its database's escaping rules.
   */
  abstract literal(value: string): string;

  /** The steps that land a file in the new staging table `args.table`. */
  abstract loadFile(args: LoadArgs): DialectStep[];

  /** The steps that write relation `source` into a destination table. */
  abstract writeTable(args: WriteArgs): TableWrite;

  /**
   * Whether this table write loads a file source it alone reads straight into the table it
   * builds (`WriteInput.landing`), rather than from a staging table the file was loaded into.
   * Only a dialect that builds a new table for the write can: DuckDB reads files in place anyway.
   */
  landsInto(_node: WriteTableNode): boolean {
    return false;
  }

  /** The relation a write reads; a write gets a landing only where `landsInto` said so. */
  protected relationOf(args: WriteArgs): { source: string; query: string } {
    if (args.landing) {
      throw new Error(`The ${this.name} dialect loads no file straight into a destination.`);
    }
    return args;
  }

  /** The steps that write relation `source` as a file. */
  abstract exportFile(args: ExportArgs): DialectStep[];

  /** Target limits a file scan runs into, as diagnostics without a stage (the compiler adds it). */
  loadLimits(node: ScanFileNode, ctx: CheckContext): Diagnostic[] {
    return [...this.s3Limits(node.file, ctx), ...this.compressionLimits(node)];
  }

  /**
   * A compression this target cannot read, named or said by the file's extension, on the
   * compression field. Parquet compresses inside the file, which every reader unpacks.
   */
  protected compressionLimits({ file, format }: ScanFileNode): Diagnostic[] {
    if (format.kind === 'parquet') return [];
    const compression = readCompression(file.path, format.compression);
    const readable = READ_COMPRESSIONS[this.name];
    if (readable.includes(compression)) return [];
    const packed = readable.filter((c) => c !== 'auto' && c !== 'none');
    return [
      this.unsupported(
        {
          feature: `Reading a ${COMPRESSION_LABELS[compression]} file`,
          needs: targetsReading(compression),
          instead: `Compress the file with ${packed.map((c) => COMPRESSION_LABELS[c]).join(' or ')}, or not at all.`,
        },
        ['compression'],
      ),
    ];
  }

  /** What stops a file scan from landing only its first rows here (see `LoadArgs.sampleRows`). */
  sampleLimits(_node: ScanFileNode): Diagnostic[] {
    return [];
  }

  /** Target limits a file export runs into, as diagnostics without a stage. */
  exportLimits(node: ExportFileNode, ctx: CheckContext): Diagnostic[] {
    return this.s3Limits(node.file, ctx);
  }

  /** Target limits a table write runs into, as diagnostics without a stage. */
  writeLimits(_node: WriteTableNode, _ctx: CheckContext): Diagnostic[] {
    return [];
  }

  /** Target limits a join runs into, as diagnostics without a stage. */
  joinLimits(_node: JoinNode): Diagnostic[] {
    return [];
  }

  /** What a target's UNION does differently to the columns it stacks, as diagnostics. */
  unionLimits(_node: UnionNode): Diagnostic[] {
    return [];
  }

  /** Where Sluice moves the files itself it reads folders only, so S3 is MatrixOne's. */
  private s3Limits(file: FileRef, ctx: CheckContext): Diagnostic[] {
    if (this.databaseResolvesFiles || !ctx.onS3(file)) return [];
    return [
      this.unsupported(
        {
          feature: `External stage "${file.externalStage}" on S3`,
          needs: 'MatrixOne, which reads S3 itself',
          instead: 'Use a file:// external stage.',
        },
        ['externalStage'],
      ),
    ];
  }

  /**
   * What this target cannot cast to, as diagnostics without a stage; `path` is the type's field.
   * Every target checks the DECIMAL digits it holds; dialects add what they lack.
   */
  castLimits(type: CastType, path: FieldPath): Diagnostic[] {
    if (type.name !== 'decimal') return [];
    if (type.precision > this.maxDecimalPrecision) {
      const most = String(this.maxDecimalPrecision);
      return [
        this.unsupported(
          {
            feature: `A decimal of ${String(type.precision)} digits`,
            needs: 'MySQL or MariaDB (up to 65 digits)',
            instead: `Use at most ${most} digits here.`,
          },
          [...path, 'precision'],
        ),
      ];
    }
    if (type.scale <= this.maxDecimalScale) return [];
    return [
      this.unsupported(
        {
          feature: `A decimal with ${String(type.scale)} digits after the point`,
          needs: 'MariaDB, DuckDB or MatrixOne (up to 38)',
          instead: `Use at most ${String(this.maxDecimalScale)} digits after the point here.`,
        },
        [...path, 'scale'],
      ),
    ];
  }

  /** Something this target cannot run, on the config field at `path`, naming the target. */
  protected unsupported(
    what: { feature: string; needs: string; instead: string },
    path: FieldPath,
  ): Diagnostic {
    return diagnostic('unsupported-on-target', { ...what, target: this.targetName }, { path });
  }

  /** The phase of an executor that runs inside the run's transaction. */
  readonly insidePhase: Phase = 'execute';

  /**
   * A table clone where there is no native one: `CREATE TABLE … AS SELECT`, which copies the
   * columns and rows but not keys or indexes; only MatrixOne clones databases, at snapshots and
   * into other accounts (`cloneLimits`).
   */
  cloneTable(node: CloneNode): string[] {
    const create = node.ifNotExists ? 'CREATE TABLE IF NOT EXISTS' : 'CREATE TABLE';
    return [
      `${create} ${this.quoteTable(node.target)} AS SELECT * FROM ${this.quoteTable(node.source)}`,
    ];
  }

  /** What this target cannot clone, as diagnostics without a stage. */
  cloneLimits(node: CloneNode): Diagnostic[] {
    const needs = 'MatrixOne, which clones natively';
    return [
      ...(node.what === 'database'
        ? [
            this.unsupported(
              { feature: 'Cloning a database', needs, instead: 'Clone its tables one by one.' },
              ['what'],
            ),
          ]
        : []),
      ...(node.snapshot === undefined
        ? []
        : [
            this.unsupported(
              {
                feature: 'Cloning at a snapshot',
                needs,
                instead: 'Clear the snapshot to copy the table as it is now.',
              },
              ['snapshot'],
            ),
          ]),
      ...(node.toAccount === undefined
        ? []
        : [
            this.unsupported(
              {
                feature: 'Cloning into another account',
                needs,
                instead: 'Clear the account to make the copy here.',
              },
              ['toAccount'],
            ),
          ]),
    ];
  }

  /** `CREATE SNAPSHOT …`; only MatrixOne has snapshots (`snapshotLimits`). */
  createSnapshot(_node: CreateSnapshotNode): string {
    throw new Error(`The ${this.name} dialect has no snapshots.`);
  }

  /** `RESTORE …`; only MatrixOne has snapshots (`snapshotLimits`). */
  restoreSnapshot(_node: RestoreSnapshotNode): string {
    throw new Error(`The ${this.name} dialect has no snapshots.`);
  }

  /** What stops a snapshot or a restore here, as diagnostics without a stage. */
  snapshotLimits(node: CreateSnapshotNode | RestoreSnapshotNode): Diagnostic[] {
    const feature = node.op === 'create-snapshot' ? 'Taking a snapshot' : 'Restoring a snapshot';
    const instead = 'Remove this stage, or run the flow on MatrixOne.';
    return [this.unsupported({ feature, needs: 'MatrixOne', instead }, ['level'])];
  }

  /** The one step that swaps every shadow table in; only dialects that build shadows have it. */
  swapTables(_swaps: readonly TableSwap[]): DialectStep {
    throw new Error(`The ${this.name} dialect builds no shadow tables to swap.`);
  }

  /** The product and version, as diagnostics name the target. */
  get targetName(): string {
    return `${this.target.product} ${this.target.version}`;
  }

  /**
   * Quotes an identifier in SQL-standard double quotes, doubling any `"` inside, so any name
   * (quotes, backticks, backslashes, unicode) round-trips exactly.
   */
  quoteIdentifier(name: string): string {
    assertNoNul(name, 'A name');
    return `"${name.replaceAll('"', '""')}"`;
  }

  /** A table reference, schema-qualified when a schema is given. */
  quoteTable(table: TableRef): string {
    const name = this.quoteIdentifier(table.name);
    return table.schema ? `${this.quoteIdentifier(table.schema)}.${name}` : name;
  }

  /** A table as a query reads it; only a dialect that reads snapshots is given one. */
  tableAt(table: TableRef, _snapshot?: string): string {
    return this.quoteTable(table);
  }

  /** What this target cannot do of a table read: a snapshot, unless it reads them. */
  scanLimits(node: ScanTableNode): Diagnostic[] {
    if (node.snapshot === undefined) return [];
    return [
      this.unsupported(
        {
          feature: 'Reading a table at a snapshot',
          needs: 'MatrixOne',
          instead: 'Clear the snapshot to read the table as it is now.',
        },
        ['snapshot'],
      ),
    ];
  }

  /**
   * Table options of staging tables: they are thrown away after the run, so a dialect picks
   * what loads and reads fastest there.
   */
  protected readonly stagingOptions: string = '';

  /** A staging view holding a query's rows. */
  createView(view: string, query: SelectQuery): string {
    return `CREATE VIEW ${this.quoteIdentifier(view)} AS ${this.select(query)}`;
  }

  /** A staging table holding a query's rows. */
  createStagingTable(table: string, query: SelectQuery): string {
    const options = this.stagingOptions;
    return `CREATE TABLE ${this.quoteIdentifier(table)}${options} AS ${this.select(query)}`;
  }

  /**
   * A file source as a query reading the file in place, which a reader inlines; `undefined`
   * where the database can only read a file by loading it into a table.
   */
  readInPlace(_args: ReadArgs): InlineRelation | undefined {
    return undefined;
  }

  /** A SELECT, clause by clause as SQL applies them; a written query as written while bare. */
  select(query: SelectQuery): string {
    const { columns, distinct = false } = query;
    const clauses = [query.where, query.orderBy, query.limit];
    if (query.written !== undefined && columns === '*' && !distinct && clauses.every((c) => !c)) {
      return query.written;
    }
    const list = `${distinct ? 'DISTINCT ' : ''}${columns === '*' ? '*' : columns.join(', ')}`;
    const where = query.where === undefined ? '' : ` WHERE ${query.where}`;
    const groupBy = query.groupBy === undefined ? '' : ` GROUP BY ${query.groupBy.join(', ')}`;
    const orderBy = query.orderBy === undefined ? '' : ` ORDER BY ${query.orderBy.join(', ')}`;
    const limit = query.limit === undefined ? '' : ` ${this.limit(query.limit)}`;
    return `SELECT ${list} FROM ${query.from}${where}${groupBy}${orderBy}${limit}`;
  }

  /**
   * One ORDER BY key with its NULL placement spelled out, since the targets' defaults differ.
   * @see https://duckdb.org/docs/stable/sql/query_syntax/orderby
   */
  orderKey(key: SortKey): string {
    const direction = key.direction === 'asc' ? 'ASC' : 'DESC';
    return `${this.expr(key.expr)} ${direction} NULLS ${key.nulls === 'first' ? 'FIRST' : 'LAST'}`;
  }

  /**
   * The select lists around a row number `row` computed over a relation with these `columns`:
   * the columns it is computed beside, and the columns that drop it again. MySQL, MariaDB and
   * MatrixOne have no "every column but one", so both list the columns, which must be known.
   */
  numberedColumns(
    _row: string,
    columns: readonly string[] | undefined,
  ): { numbered: string[]; kept: string[] } {
    if (!columns)
      throw new Error('The columns to keep are unknown; distinctOnLimits refuses this.');
    const list = columns.map((name) => this.quoteIdentifier(name));
    return { numbered: list, kept: list };
  }

  /** Target limits a deduplicate runs into, as diagnostics without a stage. */
  distinctOnLimits(node: DistinctOnNode): Diagnostic[] {
    if (node.keys.length === 0 || node.columns) return [];
    return [
      this.unsupported(
        {
          feature: 'Deduplicating rows whose columns are only known when the flow runs',
          needs: 'DuckDB',
          instead: 'Give every column of the stage before it a name (in a SQL transform, with AS).',
        },
        ['keys'],
      ),
    ];
  }

  /** `LIMIT n OFFSET m`, which every target reads. */
  protected limit({ count, offset }: { count: number; offset: number }): string {
    const skip = offset > 0 ? ` OFFSET ${this.scalar(offset)}` : '';
    return `LIMIT ${this.scalar(count)}${skip}`;
  }

  /** A query returning one row with the number of rows in a staged relation or a table. */
  countRows(relation: string | TableRef): string {
    const table = typeof relation === 'string' ? { name: relation } : relation;
    return `SELECT count(*) FROM ${this.quoteTable(table)}`;
  }

  /** Drops a staged relation, tolerating its absence (cleanup runs after failures too). */
  dropRelation(relation: StagedRelation): string {
    const kind = relation.kind === 'view' ? 'VIEW' : 'TABLE';
    const name = relation.schema ? { schema: relation.schema, name: relation.name } : relation;
    return `DROP ${kind} IF EXISTS ${this.quoteTable(name)}`;
  }

  /**
   * A value expression. User SQL is parenthesized so it binds as one operand; it has been checked
   * by `checkSqlExpression`, which reads it both as DuckDB and as the MySQL family do (backslash
   * escapes, `#` comments, backquoted names) and so guarantees that on every target it cannot
   * close those parentheses, end the statement or start a comment.
   */
  expr(expr: Expr): string {
    return expr.kind === 'column' ? this.quoteIdentifier(expr.name) : `(${expr.sql})`;
  }

  /** A boolean or whole-number value; never user text, so nothing to escape. */
  scalar(value: boolean | number): string {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new Error(`Expected a whole number, got ${String(value)}.`);
    }
    return String(value);
  }

  /**
   * A flow parameter's value as a literal of its type, for `${name}` in user SQL. Text and dates
   * go through `literal`; numbers are checked digits, parenthesized when negative so that
   * `a-${n}` cannot become a `--` comment.
   */
  parameterLiteral(type: ParameterType, value: ParameterValue): string {
    switch (type) {
      case 'string':
        return this.parameterText(String(value));
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value))) throw new Error('Expected a date.');
        return `DATE ${this.literal(String(value))}`;
      case 'boolean':
        if (typeof value !== 'boolean') throw new Error('Expected true or false.');
        return value ? 'TRUE' : 'FALSE';
      case 'integer':
      case 'decimal': {
        const text = type === 'integer' ? this.scalar(Number(value)) : String(value);
        const number = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)$/.exec(text);
        if (!number) throw new Error(`Expected a number, got ${text}.`);
        return number[1] === '-' ? `(-${number[2]})` : (number[2] ?? '');
      }
    }
  }

  /**
   * A text parameter's literal, which the SQL check must read as one text under every lexing it
   * tries (`scanExpression`); the dialect's literal is when it escapes backslashes.
   */
  protected parameterText(value: string): string {
    return this.literal(value);
  }

  /** The native type for a neutral column type. */
  columnType(type: ColumnType): string {
    return this.types[type];
  }

  /** The native spelling of a portable cast type (what follows `AS` in a CAST). */
  protected abstract castTypeName(type: CastType): string;

  /** `CAST(sql AS type)`: the value converted by the target itself, with no check of its own. */
  castTo(sql: string, type: CastType): string {
    return `CAST(${sql} AS ${this.castTypeName(type)})`;
  }

  /**
   * A double as a DECIMAL, rounded as its shortest decimal text (`1.005` to 1.01), which is what
   * the MySQL family does; DuckDB would round the binary value (1.00499…) down, so it goes
   * through that text.
   */
  decimalOfDouble(sql: string, type: CastType): string {
    return this.castTo(this.castTo(sql, { name: 'text' }), type);
  }

  /**
   * True when the text `sql` matches `pattern`, written in the syntax RE2, PCRE and ICU share
   * (DuckDB, MariaDB and MySQL 8 read it the same).
   * @see https://duckdb.org/docs/stable/sql/functions/regular_expressions
   */
  matches(sql: string, pattern: string): string {
    return `regexp_matches(${sql}, ${this.literal(pattern)})`;
  }

  /**
   * A timestamp as text, `YYYY-MM-DD hh:mm:ss` and its fraction without trailing zeros, which is
   * how DuckDB writes one.
   */
  timestampText(sql: string): string {
    return this.castTo(sql, { name: 'text' });
  }

  /**
   * An expression of `type` that, when evaluated, fails the statement with `message` and the
   * value's `text`. It reads the row, so no target folds it away as a constant.
   * @see https://duckdb.org/docs/stable/sql/functions/utility#errormessage
   */
  castFailure(message: string, text: string, _type: CastType): string {
    return `error(${this.literal(message)} || ${text})`;
  }

  /**
   * Every column of a relation whose columns are not known yet, with the listed ones replaced
   * by their new values in place.
   * @see https://duckdb.org/docs/stable/sql/expressions/star#replace-clause
   */
  replacedColumns(replaced: readonly { name: string; sql: string }[]): string {
    const list = replaced.map((r) => `${r.sql} AS ${this.quoteIdentifier(r.name)}`);
    return `* REPLACE (${list.join(', ')})`;
  }

  /**
   * A SELECT of one column, `column`, holding the whole numbers 1 to `count`, for a row
   * generator; DuckDB's `generate_series` table function, with its output column named.
   * @see https://duckdb.org/docs/stable/sql/functions/list#generate_series
   */
  rowNumbers(count: number, column: string): string {
    const series = this.quoteIdentifier('__sluice_series');
    return `SELECT ${series}.${this.quoteIdentifier('n')} AS ${this.quoteIdentifier(column)} FROM generate_series(1, ${this.scalar(count)}) AS ${series}(${this.quoteIdentifier('n')})`;
  }

  /**
   * The first 15 digits of a hexadecimal text (an MD5) as a whole number below 2^60, which
   * every target's BIGINT holds exactly. DuckDB casts `0x…` text to an integer.
   * @see https://duckdb.org/docs/stable/sql/data_types/numeric#integer-types
   */
  hexToInteger(hex: string): string {
    return `CAST(('0x' || substr(${hex}, 1, 15)) AS BIGINT)`;
  }

  /** The date `date` (a `YYYY-MM-DD` literal) plus `days` days; DuckDB adds an INTEGER to a DATE. */
  addDays(date: string, days: string): string {
    return `(CAST(${date} AS DATE) + CAST(${days} AS INTEGER))`;
  }

  /** `a, b, c` with every name quoted. */
  columnList(columns: readonly Column[]): string {
    return columns.map((c) => this.quoteIdentifier(c.name)).join(', ');
  }

  /**
   * The table an upsert creates: the run's columns with their types and a primary key on the key
   * columns, so the next run's upsert finds its rows. Without known columns (a preview of a file
   * whose columns are detected when the flow runs) the list says so instead.
   */
  createKeyedTable(
    table: TableRef,
    {
      columns,
      keys,
      ifNotExists,
    }: { columns: Columns; keys: readonly string[]; ifNotExists: boolean },
  ): string {
    const isKey = (name: string) => keys.some((key) => sameColumnName(key, name));
    const list =
      columns && columns.length > 0
        ? columns.map((c) => {
            const type = c.type ?? 'VARCHAR';
            const native = isKey(c.name) ? this.keyColumnType(type) : this.columnType(type);
            return `${this.quoteIdentifier(c.name)} ${native}`;
          })
        : ["/* the input's columns, known when the flow runs */"];
    const key = keys.map((k) => this.quoteIdentifier(columnNamed(columns, k)?.name ?? k));
    const create = ifNotExists ? 'CREATE TABLE IF NOT EXISTS' : 'CREATE TABLE';
    return `${create} ${this.quoteTable(table)} (${[...list, `PRIMARY KEY (${key.join(', ')})`].join(', ')})`;
  }

  /** Whether an upsert may find its table missing and so creates it first. */
  protected createsKeyed(args: WriteArgs): boolean {
    return args.createIfMissing && args.exists !== true;
  }

  /** The native type of a key column; a target that cannot key unbounded text bounds it. */
  protected keyColumnType(type: ColumnType): string {
    return this.columnType(type);
  }

  /** The columns of a write that are not keys, which an upsert updates. */
  protected updatedColumns(columns: readonly Column[], keys: readonly string[]): Column[] {
    return columns.filter((c) => !keys.some((key) => sameColumnName(key, c.name)));
  }
}

/** NUL cannot be represented in SQL text; configs reject it, so reaching here is a bug. */
export function assertNoNul(value: string, what: string): void {
  if (value.includes('\0')) throw new Error(`${what} cannot contain a NUL character.`);
}

/** True when `version` (`major.minor.patch`, extra text ignored) is at least `minimum`. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => (text.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < need.length; i += 1) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
