import type { Diagnostic } from '@sluice/flow';
import type {
  CastType,
  Column,
  CsvFormat,
  ExportFileNode,
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
import { versionAtLeast } from './base';
import {
  jsonKeyMisreadings,
  pathMisreadings,
  singleByteMisreadings,
  suffixMisreadings,
} from './matrixone-file-limits';
import { MySqlFamilyDialect } from './mysql-family';

/** CTAS inside a transaction (sql-reference.md §6). */
const CTAS_IN_TRANSACTION = '3.0.7';
/** `FORMAT 'jsonline' | 'parquet'` export and `REMOVE FILES FROM STAGE` (§1.1, §3.1, §3.4). */
const MULTI_FORMAT_EXPORT = '4.0.0';
/** The `INFILE {'filepath'=…}` load form through an S3-backed external stage (§2.2). */
const S3_BRACE_LOAD = '4.1.0';
/** `#` as a field terminator, and data lines starting with `#` kept (§2.4). */
const HASH_NOT_COMMENT = '4.1.0';

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
      ...jsonKeyMisreadings(format, node.columns),
    ]);
    if (format.kind === 'csv') return [...misread, ...this.diagnoseCsvLoad(format)];
    return [...misread, ...(ctx.onS3(node.file) ? this.diagnoseS3BraceLoad(format.kind) : [])];
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
    const misread = this.misread([
      ...pathMisreadings(node.file.path),
      ...(format.kind === 'csv' ? singleByteMisreadings(format) : []),
      ...(this.atLeast(MULTI_FORMAT_EXPORT) ? suffixMisreadings(node.file.path, format) : []),
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
    if (node.mode === 'overwrite') {
      return [this.needsCtas('Overwriting a table', ['mode'], 'Use append mode.')];
    }
    if (node.createIfMissing && ctx.tableExists(node.table) !== true) {
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
   * Everything runs in the transaction (§6): overwrite drops and recreates the table with
   * `CREATE TABLE … AS SELECT` (3.0.7+), append inserts with the column list when known and
   * first creates a missing table from the input's shape.
   */
  writeTable(args: WriteArgs): TableWrite {
    const table = this.quoteTable(args.table);
    const { source } = args;
    const step = (kind: string, sql: string): DialectStep => ({
      kind,
      phase: 'write',
      sql,
      inTransaction: true,
    });
    const steps = args.createIfMissing ? [] : [step('check', `SELECT * FROM ${table} LIMIT 0`)];
    if (args.mode === 'overwrite') {
      steps.push(step('drop', `DROP TABLE IF EXISTS ${table}`), {
        ...step('write', `CREATE TABLE ${table} AS SELECT * FROM ${source}`),
        rowCountSql: this.countRows(args.table),
        rowsFrom: 'count',
      });
      return { steps };
    }
    if (args.createIfMissing && args.exists !== true) {
      const create = `CREATE TABLE IF NOT EXISTS ${table} AS SELECT * FROM ${source} LIMIT 0`;
      steps.push(step('create', create));
    }
    const insert = this.insertSelect(args.table, args.source, args.columns?.slice());
    steps.push({ ...step('write', insert), rowsFrom: 'changes' });
    return { steps };
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

  private loadSource(uri: string, format: LoadArgs['format']): string {
    const path = this.literal(uri);
    if (format.kind === 'csv') return path;
    const options: [string, string][] = [
      ['filepath', uri],
      ['format', format.kind === 'jsonl' ? 'jsonline' : 'parquet'],
      ...(format.kind === 'jsonl' ? [['jsondata', 'object'] as [string, string]] : []),
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
