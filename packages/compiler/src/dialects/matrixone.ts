import type { Diagnostic } from '@sluice/flow';
import type {
  CastType,
  CloneNode,
  Column,
  ColumnType,
  Compression,
  CreateSnapshotNode,
  CsvFormat,
  ExportFileNode,
  RestoreSnapshotNode,
  ScanFileNode,
  TableRef,
  WriteTableNode,
} from '@sluice/stages';
import { diagnostic } from '@sluice/flow';

import type {
  CheckContext,
  DialectStep,
  ExportArgs,
  LoadArgs,
  TableWrite,
  WriteArgs,
} from './base';
import type { Misreading } from './matrixone-file-limits';
import { stageUri } from '../names';
import { sinkPort } from '../relations/rule';
import { keepsDefinition } from '../relations/table-fit';
import { versionAtLeast } from './base';
import {
  jsonKeyMisreadings,
  parquetMisreadings,
  pathMisreadings,
  singleByteMisreadings,
  suffixMisreadings,
} from './matrixone-file-limits';
import { MySqlFamilyDialect } from './mysql-family';

/** RESTORE's `{SNAPSHOT = 'sp'}` form, which replaced `FROM SNAPSHOT` (sql-reference.md §5.3). */
const RESTORE_BRACES = '4.0.0';

/** CTAS inside a transaction (sql-reference.md §6). */
const CTAS_IN_TRANSACTION = '3.0.7';
/** `FORMAT 'jsonline' | 'parquet'` export and `REMOVE FILES FROM STAGE` (§1.1, §3.1, §3.4). */
const MULTI_FORMAT_EXPORT = '4.0.0';
/** The `INFILE {'filepath'=…}` load form through an S3-backed external stage (§2.2). */
const S3_BRACE_LOAD = '4.1.0';
/** `#` as a field terminator, and data lines starting with `#` kept (§2.4). */
const HASH_NOT_COMMENT = '4.1.0';
/** Parquet into TEXT and DECIMAL columns, found whatever their case (§0.1). */
const PARQUET_TEXT_DECIMAL = '3.0.12';
/** Parquet decimals rescaled to the column's scale (§0.1). */
const PARQUET_RESCALE = '4.2.0';
/**
 * `'compression'='zstd'`: no release up to 4.2 has it; MatrixOne's main branch reads zstd
 * (regression case `test/distributed/cases/load_data/load_data_zip_zstd.sql`), and a build
 * from source reports no release, which reads as newer than any.
 */
const ZSTD_LOAD = '4.3.0';

/**
 * MatrixOne 3.x and 4.x. DDL is transactional (sql-reference.md §6), so every step, staging
 * included, runs inside the run's transaction and a failed run rolls it all back. The database
 * reads and writes files itself through `stage://` URLs, so plans carry no local paths.
 */
export class MatrixOneDialect extends MySqlFamilyDialect {
  readonly name = 'matrixone';
  readonly ddlInTransaction = true;
  override readonly databaseResolvesFiles = true;

  protected readonly types = {
    VARCHAR: 'TEXT',
    BIGINT: 'BIGINT',
    INTEGER: 'INT',
    DOUBLE: 'DOUBLE',
    DECIMAL: 'DECIMAL(38,10)',
    BOOLEAN: 'BOOL',
    DATE: 'DATE',
    TIMESTAMP: 'DATETIME(6)',
    JSON: 'JSON',
  } as const;

  /**
   * `t{snapshot = 'sp'}` reads a table as it was at a snapshot, also inside a view (§5.2;
   * MatrixOne's snapshot cases create `view v03 as select * from table01 {snapshot = 'sp100'}`).
   */
  override tableAt(table: TableRef, snapshot?: string): string {
    const name = this.quoteTable(table);
    return snapshot === undefined ? name : `${name}{snapshot = ${this.literal(snapshot)}}`;
  }

  /**
   * MatrixOne's `generate_series` table function names its one column `result`.
   * @see https://docs.matrixorigin.cn/en/latest/MatrixOne/Reference/Functions-and-Operators/Table/generate_series/
   */
  override rowNumbers(count: number, column: string): string {
    const series = this.quoteIdentifier('__sluice_series');
    return `SELECT ${series}.${this.quoteIdentifier('result')} AS ${this.quoteIdentifier(column)} FROM generate_series(1, ${this.scalar(count)}) AS ${series}`;
  }

  override scanLimits(): Diagnostic[] {
    return [];
  }

  /**
   * CAST takes any column type (`mo_cast_type` is `column_type`, SIGNED or UNSIGNED), DECIMAL up
   * to 38 digits (grammar `decimal_type`).
   * @see https://github.com/matrixorigin/matrixone/blob/main/pkg/sql/parsers/dialect/mysql/mysql_sql.y
   */
  protected castTypeName(type: CastType): string {
    switch (type.name) {
      case 'decimal':
        return `DECIMAL(${this.scalar(type.precision)},${this.scalar(type.scale)})`;
      case 'varchar':
        return `VARCHAR(${this.scalar(type.length)})`;
      default:
        return MATRIXONE_CAST_TYPES[type.name];
    }
  }

  /**
   * MatrixOne's casts from text are strict: a text that is not a whole number fails the
   * statement with "invalid argument cast to int, bad value …", the text included.
   * @see https://github.com/matrixorigin/matrixone/blob/main/pkg/sql/plan/function/func_cast.go
   */
  override castFailure(message: string, text: string, type: CastType): string {
    return this.castTo(`CAST(CONCAT(${this.literal(message)}, ${text}) AS SIGNED)`, type);
  }

  override loadLimits(node: ScanFileNode, ctx: CheckContext): Diagnostic[] {
    const { format } = node;
    const misread = this.misread([
      ...pathMisreadings(node.file.path),
      ...(format.kind === 'csv' ? singleByteMisreadings(format) : []),
      ...(format.kind === 'jsonl' && format.rows !== 'arrays'
        ? jsonKeyMisreadings(format, node.columns)
        : []),
      ...parquetMisreadings(format, node.columns, {
        mapsTextAndDecimal: this.atLeast(PARQUET_TEXT_DECIMAL),
        rescalesDecimals: this.atLeast(PARQUET_RESCALE),
      }),
    ]);
    const onS3 = ctx.onS3(node.file);
    const found = [...misread, ...this.diagnoseCompression(format, onS3)];
    if (format.kind === 'parquet') found.push(...this.diagnoseParquetTypes(node.columns));
    if (format.kind === 'csv') return [...found, ...this.diagnoseCsvLoad(format)];
    return [...found, ...(onS3 ? this.diagnoseS3BraceLoad(format.kind) : [])];
  }

  /**
   * Before 3.0.12 the Parquet reader has no TEXT or DECIMAL target (§0.1), and Sluice lands
   * text as TEXT and decimals as DECIMAL(38,10).
   */
  private diagnoseParquetTypes(columns: readonly Column[]): Diagnostic[] {
    if (this.atLeast(PARQUET_TEXT_DECIMAL)) return [];
    return columns.flatMap((column, i) =>
      column.type === 'VARCHAR' || column.type === 'DECIMAL'
        ? [
            this.unsupported(
              {
                feature: `Loading the Parquet ${column.type === 'VARCHAR' ? 'text' : 'decimal'} column "${column.name}"`,
                needs: `MatrixOne ${PARQUET_TEXT_DECIMAL}`,
                instead: 'Load the file as CSV, or declare the column with another type.',
              },
              ['columns', i, 'type'],
            ),
          ]
        : [],
    );
  }

  /**
   * An explicit compression goes in the brace form's `'compression'` key (§2.3, §2.6). The S3
   * stage's option parser refuses that key in every release (§2.2), so there the external
   * stage's own COMPRESSION credential decides.
   */
  private diagnoseCompression(format: ScanFileNode['format'], onS3: boolean): Diagnostic[] {
    const compression = format.kind === 'parquet' ? undefined : format.compression;
    if (compression === undefined) return [];
    if (onS3) {
      return [
        this.unsupported(
          {
            feature: 'A compression named on a file in an S3 external stage',
            needs: 'a file:// external stage',
            instead:
              'Choose "From the file extension" here and set the external stage\'s Compression instead.',
          },
          ['compression'],
        ),
      ];
    }
    if (compression !== 'zstd' || this.atLeast(ZSTD_LOAD)) return [];
    return [
      this.unsupported(
        {
          feature: 'Loading a Zstandard file',
          needs: 'a MatrixOne build newer than 4.2',
          instead: 'Compress the file with gzip, bzip2 or LZ4.',
        },
        ['compression'],
      ),
    ];
  }

  /** `LOAD DATA` reads a whole file and takes no row limit, so a preview cannot bound it. */
  override sampleLimits(): Diagnostic[] {
    return [
      this.unsupported(
        {
          feature: 'Previewing a file source',
          needs: 'DuckDB, MySQL or MariaDB',
          instead: 'Run the flow and open its results, or preview a stage after a table source.',
        },
        ['path'],
      ),
    ];
  }

  override exportLimits(node: ExportFileNode): Diagnostic[] {
    const { format } = node;
    const multiFormat = this.atLeast(MULTI_FORMAT_EXPORT);
    const misread = this.misread([
      ...pathMisreadings(node.file.path, multiFormat),
      ...(format.kind === 'csv' ? singleByteMisreadings(format) : []),
      ...(multiFormat ? suffixMisreadings(node.file.path, format) : []),
    ]);
    return [...misread, ...this.diagnoseExport(format)];
  }

  /** Values MatrixOne would refuse deep inside or read as something else, on their fields. */
  private misread(found: readonly Misreading[]): Diagnostic[] {
    return found.map(({ path, ...says }) =>
      diagnostic('misread-on-target', { ...says, target: this.targetName }, { path }),
    );
  }

  override writeLimits(node: WriteTableNode, ctx: CheckContext): Diagnostic[] {
    if (this.atLeast(CTAS_IN_TRANSACTION)) return [];
    const definition = ctx.definitionOf(node.table);
    const columns = ctx.columnsOf(sinkPort(node.input));
    if (node.mode === 'overwrite' && !keepsDefinition(node, definition, columns)) {
      return [this.needsCtas('Overwriting a table', ['mode'], 'Use append mode.')];
    }
    if (node.mode === 'append' && node.createIfMissing && ctx.tableExists(node.table) !== true) {
      return [
        this.needsCtas(
          'Creating a missing table',
          ['createIfMissing'],
          'Create the table first and turn this option off.',
        ),
      ];
    }
    return [];
  }

  /**
   * Creates the staging table, then loads the file from its external stage (§2.1, §2.2).
   * CSV and TSV spell out FIELDS, LINES and IGNORE because the defaults changed in 3.0.2 (§2.4).
   * MatrixOne cannot turn enclosure off: a field starting with the quote is always read as
   * quoted. Up to 4.0 it also drops every data line whose first byte is `#` as a comment (§2.4).
   * `SET col = nullif(col, '…')` is the only SET form MatrixOne honours (§2.7).
   * JSON lines and Parquet use the brace form (§2.5, §7.2); up to 4.0 that form fails when the
   * external stage is S3-backed (§2.2), which only the server can tell.
   */
  loadFile(args: LoadArgs): DialectStep[] {
    if (args.sampleRows !== undefined) throw new Error('MatrixOne cannot load a file sample.');
    const into = `INTO TABLE ${this.quoteIdentifier(args.table)}`;
    const source = this.loadSource(stageUri(args.file), args.format);
    const tail = args.format.kind === 'csv' ? this.csvTail(args.format, args.columns) : '';
    return [
      {
        kind: 'staging',
        phase: 'load',
        sql: this.createStaging(args.table, args.columns),
        inTransaction: true,
      },
      {
        kind: 'load',
        phase: 'load',
        sql: `LOAD DATA INFILE ${source} ${into}${tail}`,
        inTransaction: true,
        rowCountSql: this.countRows(args.table),
        rowsFrom: 'count',
        files: [{ ref: args.file, mode: 'read' }],
      },
    ];
  }

  /**
   * Everything runs in the transaction (§6). Overwrite of a table that takes the run's columns
   * deletes its rows and inserts the run's, so its keys, indexes and types stay; any other
   * overwrite drops and recreates the table with `CREATE TABLE … AS SELECT` (3.0.7+). Append
   * inserts with the column list when known and first creates a missing table from the input's
   * shape. Upsert inserts with `ON DUPLICATE KEY UPDATE` (see `upsertSelect`), first creating a
   * missing table with its primary key: MatrixOne reads the clause on a table without a unique
   * key as a plain insert (`on_duplicate_key_modern.sql`, part 3), so the key must exist.
   */
  writeTable(args: WriteArgs): TableWrite {
    const table = this.quoteTable(args.table);
    const { source } = this.relationOf(args);
    const step = (kind: string, sql: string): DialectStep => ({
      kind,
      phase: 'write',
      sql,
      inTransaction: true,
    });
    const steps = args.createIfMissing ? [] : [step('check', `SELECT * FROM ${table} LIMIT 0`)];
    const columns = args.columns?.slice();
    if (args.mode === 'overwrite' && !args.keepDefinition) {
      steps.push(step('drop', `DROP TABLE IF EXISTS ${table}`), {
        ...step('write', `CREATE TABLE ${table} AS SELECT * FROM ${source}`),
        rowCountSql: this.countRows(args.table),
        rowsFrom: 'count',
      });
      return { steps };
    }
    if (args.mode === 'overwrite') {
      steps.push(step('clear', `DELETE FROM ${table}`));
    } else if (args.mode === 'upsert' && this.createsKeyed(args)) {
      const create = this.createKeyedTable(args.table, {
        columns: args.columns,
        keys: args.keys,
        ifNotExists: true,
      });
      steps.push(step('create', create));
    } else if (args.mode === 'append' && args.createIfMissing && args.exists !== true) {
      const create = `CREATE TABLE IF NOT EXISTS ${table} AS SELECT * FROM ${source} LIMIT 0`;
      steps.push(step('create', create));
    }
    const insert =
      args.mode === 'upsert'
        ? this.upsertSelect(args.table, source, { columns, keys: args.keys })
        : this.insertSelect(args.table, source, columns);
    steps.push({ ...step('write', insert), rowsFrom: 'changes' });
    return { steps };
  }

  /**
   * MatrixOne's native clone (§5.1): `CREATE TABLE [IF NOT EXISTS] db.t2 CLONE db.t1
   * [{snapshot = 'sp'}] [TO ACCOUNT acc]` and `CREATE DATABASE [IF NOT EXISTS] d2 CLONE d1 …`,
   * the snapshot suffix on the source's name. Forms as in test/distributed/cases/git4data/clone:
   * `table_clone.sql` (`create table db1_copy.t4_copy clone t4 {snapshot = "sp0"} to account
   * acc1`), `database_clone.sql`, `clone_table_if_not_exists.sql`.
   */
  override cloneTable(node: CloneNode): string[] {
    const kind = node.what === 'database' ? 'DATABASE' : 'TABLE';
    const name = (ref: TableRef) =>
      node.what === 'database' ? this.quoteIdentifier(ref.name) : this.quoteTable(ref);
    const source =
      node.snapshot === undefined
        ? name(node.source)
        : `${name(node.source)}{snapshot = ${this.literal(node.snapshot)}}`;
    const exists = node.ifNotExists ? ' IF NOT EXISTS' : '';
    const account =
      node.toAccount === undefined ? '' : ` TO ACCOUNT ${this.quoteIdentifier(node.toAccount)}`;
    return [`CREATE ${kind}${exists} ${name(node.target)} CLONE ${source}${account}`];
  }

  /** A clone into another account needs a snapshot (§5.1); everything else is native here. */
  override cloneLimits(node: CloneNode): Diagnostic[] {
    if (node.toAccount === undefined || node.snapshot !== undefined) return [];
    return [
      this.unsupported(
        {
          feature: 'Cloning into another account without a snapshot',
          needs: 'a snapshot to clone from',
          instead: 'Name a snapshot, or clear the account to make the copy here.',
        },
        ['toAccount'],
      ),
    ];
  }

  /**
   * `CREATE SNAPSHOT sp FOR ACCOUNT | DATABASE db | TABLE db tbl` (§5.2), the table form two
   * names apart, as in test/distributed/cases/snapshot/snapshot.sql and `table_clone.sql`
   * (`create snapshot sp0 for table db1 t4`); snapshot_restore_database_level.sql takes
   * `create snapshot sp_01 for account`.
   */
  override createSnapshot(node: CreateSnapshotNode): string {
    const name = this.quoteIdentifier(node.name);
    return `CREATE SNAPSHOT ${name} FOR ${this.snapshotTarget(node)}`;
  }

  /**
   * RESTORE, whose grammar changed in 4.0 (§5.3): up to 3.x `RESTORE ACCOUNT acc [DATABASE db
   * [TABLE t]] FROM SNAPSHOT sp`; from 4.0 `RESTORE ACCOUNT acc {SNAPSHOT = 'sp'}`, `RESTORE
   * DATABASE [acc.]db {SNAPSHOT = 'sp'}`, `RESTORE TABLE [acc.]db.t {SNAPSHOT = 'sp'}` (HEAD's
   * snapshot_restore_database_level.sql: `restore database snapshot_read{snapshot="sp_01"}`).
   */
  override restoreSnapshot(node: RestoreSnapshotNode): string {
    const q = (name: string | undefined) => this.quoteIdentifier(name ?? '');
    if (!this.atLeast(RESTORE_BRACES)) {
      const database = node.level === 'account' ? '' : ` DATABASE ${q(node.database)}`;
      const table = node.level === 'table' ? ` TABLE ${q(node.table)}` : '';
      return `RESTORE ACCOUNT ${q(node.account)}${database}${table} FROM SNAPSHOT ${q(node.snapshot)}`;
    }
    const at = `{SNAPSHOT = ${this.literal(node.snapshot)}}`;
    if (node.level === 'account') return `RESTORE ACCOUNT ${q(node.account)} ${at}`;
    const account = node.account === undefined ? '' : `${q(node.account)}.`;
    const database = `${account}${q(node.database)}`;
    if (node.level === 'database') return `RESTORE DATABASE ${database} ${at}`;
    return `RESTORE TABLE ${database}.${q(node.table)} ${at}`;
  }

  /** Snapshots are MatrixOne's; before 4.0 every restore names its account (§5.3). */
  override snapshotLimits(node: CreateSnapshotNode | RestoreSnapshotNode): Diagnostic[] {
    if (node.op !== 'restore-snapshot' || node.account !== undefined) return [];
    if (this.atLeast(RESTORE_BRACES)) return [];
    return [
      this.unsupported(
        {
          feature: 'A restore that does not name the account',
          needs: 'MatrixOne 4.0',
          instead: 'Fill in the account the database belongs to.',
        },
        ['account'],
      ),
    ];
  }

  private snapshotTarget(node: CreateSnapshotNode): string {
    const q = (name: string | undefined) => this.quoteIdentifier(name ?? '');
    if (node.level === 'account') return 'ACCOUNT';
    if (node.level === 'database') return `DATABASE ${q(node.database)}`;
    return `TABLE ${q(node.database)} ${q(node.table)}`;
  }

  /** MatrixOne keys VARCHAR, whose longest is 65535 characters, rather than TEXT. */
  protected override keyColumnType(type: ColumnType): string {
    return type === 'VARCHAR' ? 'VARCHAR(65535)' : this.columnType(type);
  }

  /**
   * `SELECT … INTO OUTFILE 'stage://…'` with the clauses in their fixed order and an explicit
   * HEADER, since MatrixOne writes one by default (§3.1, §3.2). FORMAT exists from 4.0 (§3.4);
   * there the undo removes a file already written when a later step fails (§1.1). The rows
   * written are counted from the exported relation, since the statement's own count is not
   * documented (§3.5).
   */
  exportFile(args: ExportArgs): DialectStep[] {
    const uri = stageUri(args.file);
    const multiFormat = this.atLeast(MULTI_FORMAT_EXPORT);
    const clauses: string[] = [];
    if (multiFormat) clauses.push(`FORMAT ${this.literal(EXPORT_FORMAT[args.format.kind])}`);
    if (args.format.kind === 'csv') clauses.push(this.exportCsvClauses(args.format));
    const select = `SELECT * FROM ${args.source}`;
    return [
      {
        kind: 'export',
        phase: 'export',
        sql: [`${select} INTO OUTFILE ${this.literal(uri)}`, ...clauses].join(' '),
        inTransaction: true,
        rowCountSql: `SELECT count(*) FROM ${args.source}`,
        rowsFrom: 'count',
        ...(multiFormat
          ? { undo: [`REMOVE FILES FROM STAGE IF EXISTS ${this.literal(uri)}`] }
          : {}),
        files: [{ ref: args.file, mode: 'write' }],
      },
    ];
  }

  /**
   * The plain path for CSV read as its extension says; otherwise the brace form, keys in the
   * order MatrixOne's own cases write them (`load_data/load_data_jsonline.sql`):
   * `{'filepath'=…, 'format'=…, 'compression'=…, 'jsondata'=…}`.
   */
  private loadSource(uri: string, format: LoadArgs['format']): string {
    const compression = format.kind === 'parquet' ? undefined : format.compression;
    if (format.kind === 'csv' && compression === undefined) return this.literal(uri);
    const options: [string, string][] = [
      ['filepath', uri],
      ['format', LOAD_FORMAT[format.kind]],
      ...(compression === undefined
        ? []
        : [['compression', LOAD_COMPRESSION[compression]] as [string, string]]),
      ...(format.kind === 'jsonl'
        ? [['jsondata', format.rows === 'arrays' ? 'array' : 'object'] as [string, string]]
        : []),
    ];
    return `{${options.map(([k, v]) => `${this.literal(k)}=${this.literal(v)}`).join(', ')}}`;
  }

  private csvTail(format: CsvFormat, columns: readonly Column[]): string {
    const nulls = columns.map((c) => {
      const name = this.quoteIdentifier(c.name);
      return `${name} = nullif(${name}, ${this.literal(format.nullString)})`;
    });
    const set = nulls.length > 0 ? ` SET ${nulls.join(', ')}` : '';
    return ` ${this.delimitedClauses(format, 'ENCLOSED')}${set}`;
  }

  /** No ESCAPED BY on export (§3.1): MatrixOne doubles the quote inside quoted fields. */
  private exportCsvClauses(format: CsvFormat): string {
    return [
      `FIELDS TERMINATED BY ${this.literal(format.delimiter)}`,
      `ENCLOSED BY ${this.literal(format.quote)}`,
      `LINES TERMINATED BY ${this.literal('\n')}`,
      `HEADER ${this.literal(format.header ? 'TRUE' : 'FALSE')}`,
    ].join(' ');
  }

  /**
   * JSON lines and Parquet load through the `INFILE {'filepath'=…}` form, which MatrixOne before
   * 4.1 refuses for S3-backed external stages ("the keyword 'filepath' is not support", §2.2).
   */
  private diagnoseS3BraceLoad(kind: 'jsonl' | 'parquet'): Diagnostic[] {
    if (this.atLeast(S3_BRACE_LOAD)) return [];
    const feature = kind === 'jsonl' ? 'Loading JSON lines' : 'Loading Parquet';
    return [
      this.unsupported(
        {
          feature: `${feature} from an S3 external stage`,
          needs: `MatrixOne ${S3_BRACE_LOAD}`,
          instead: 'Load CSV from it, or the file from a file:// external stage.',
        },
        ['format'],
      ),
    ];
  }

  private diagnoseCsvLoad(format: CsvFormat): Diagnostic[] {
    if (format.delimiter !== '#' || this.atLeast(HASH_NOT_COMMENT)) return [];
    return [
      this.unsupported(
        { feature: 'A "#" delimiter', needs: 'MatrixOne 4.1', instead: 'Pick another delimiter.' },
        ['delimiter'],
      ),
    ];
  }

  /**
   * Options MatrixOne's export cannot honour are warnings saying what it writes instead, and
   * every export warns that it never replaces a file, so a second run to the same path fails.
   */
  private diagnoseExport(format: ExportArgs['format']): Diagnostic[] {
    if (format.kind !== 'csv') {
      if (this.atLeast(MULTI_FORMAT_EXPORT)) return this.exportFileWarnings();
      const feature = format.kind === 'jsonl' ? 'JSON lines export' : 'Parquet export';
      return [
        this.unsupported({ feature, needs: 'MatrixOne 4.0', instead: 'Export CSV.' }, ['format']),
      ];
    }
    const found = this.exportFileWarnings();
    if (format.nullString !== '\\N') {
      const option =
        format.nullString === ''
          ? 'empty fields for NULL'
          : `the null value "${format.nullString}"`;
      const outcome = 'NULL fields are written as \\N';
      found.push(this.ignored(option, outcome, ['nullString']));
    }
    if (format.escape !== format.quote) {
      const outcome = 'a quote inside a field is written twice instead';
      found.push(this.ignored(`the escape "${format.escape}"`, outcome, ['escape']));
    }
    return found;
  }

  /**
   * MatrixOne refuses to write over an existing file (§3.2), and before 4.0 has no
   * `REMOVE FILES` (§1.1), so a failed run cannot take back a file it already wrote.
   */
  private exportFileWarnings(): Diagnostic[] {
    const found = [
      this.ignored(
        'replacing an existing file',
        'the export fails when the file already exists, so give each run a new path or remove the old file first',
        ['path'],
      ),
    ];
    if (!this.atLeast(MULTI_FORMAT_EXPORT)) {
      const outcome =
        'a file this stage already wrote stays in place when a later step fails; remove it before running again';
      found.push(this.ignored('undoing an export when the run fails', outcome, ['path']));
    }
    return found;
  }

  private ignored(option: string, outcome: string, path: string[]): Diagnostic {
    return diagnostic('ignored-on-target', { option, target: this.targetName, outcome }, { path });
  }

  private needsCtas(feature: string, path: string[], instead: string): Diagnostic {
    return this.unsupported({ feature, needs: `MatrixOne ${CTAS_IN_TRANSACTION}`, instead }, path);
  }

  private atLeast(version: string): boolean {
    return versionAtLeast(this.target.version, version);
  }
}

const EXPORT_FORMAT = { csv: 'csv', jsonl: 'jsonline', parquet: 'parquet' } as const;
const LOAD_FORMAT = EXPORT_FORMAT;

/** MatrixOne's names of each compression (`pkg/sql/parsers/tree/update.go`, §2.6). */
const LOAD_COMPRESSION: Record<Compression, string> = {
  auto: 'auto',
  none: 'none',
  gzip: 'gzip',
  bzip2: 'bzip2',
  lz4: 'lz4',
  zstd: 'zstd',
};

const MATRIXONE_CAST_TYPES = {
  integer: 'INT',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  text: 'TEXT',
  boolean: 'BOOL',
  date: 'DATE',
  timestamp: 'DATETIME(6)',
  json: 'JSON',
} as const;
