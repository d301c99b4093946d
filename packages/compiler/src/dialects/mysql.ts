import type { Diagnostic, FieldPath } from '@sluice/flow';
import type {
  CastType,
  CloneNode,
  Column,
  Columns,
  ColumnType,
  CsvFormat,
  ExportFileNode,
  JoinNode,
  ScanFileNode,
  TableRef,
  UnionNode,
  WriteTableNode,
} from '@sluice/stages';
import { diagnostic } from '@sluice/flow';
import { BOOLEAN_WORDS } from '@sluice/stages';

import type {
  CheckContext,
  DialectStep,
  ExportArgs,
  Landing,
  LoadArgs,
  ReadArgs,
  StagedRelation,
  TableSwap,
  TableWrite,
  WriteArgs,
} from './base';
import { stageUri, stagingName } from '../names';
import { versionAtLeast } from './base';
import { BOUNDED_TEXT_LENGTH, boundedTextFits } from './bounded-text';
import { digitNumbers } from './digit-numbers';
import { MySqlFamilyDialect } from './mysql-family';

/** `CAST(… AS DOUBLE)` (MySQL; MariaDB has it in every supported version). */
const DOUBLE_CAST = '8.0.17';

/**
 * MySQL 8 and MariaDB 10.6+. DDL commits implicitly (sql-reference.md §9.4), so only the appends
 * run inside the run's transaction: staging, views, checks and shadow tables are built first in
 * autocommit, one `RENAME TABLE` swaps every overwritten or new table in at once (undone by the
 * reverse rename), and the appends commit last. Files never touch the server's disk: the engine
 * streams them in through `LOAD DATA LOCAL INFILE` and writes exports from a streamed `SELECT`.
 */
export class MySqlDialect extends MySqlFamilyDialect {
  readonly name = 'mysql';
  readonly ddlInTransaction = false;

  /**
   * MariaDB stages in Aria without its transaction log (`TRANSACTIONAL=0`): staging is thrown
   * away, so it needs no crash recovery, and loads and reads run about twice as fast as InnoDB.
   * Every MariaDB server has Aria (its system tables live in it since 10.4). MySQL 8 stays on
   * InnoDB: MEMORY holds a table in RAM up to `max_heap_table_size`, too small for files, and
   * a staging table has no keys or foreign keys for `unique_checks` or `foreign_key_checks` to
   * skip.
   * @see https://mariadb.com/kb/en/aria-storage-engine/
   */
  protected override readonly stagingOptions =
    this.target.product === 'MariaDB' ? ' ENGINE=Aria TRANSACTIONAL=0' : '';

  /** LONGTEXT so no value is ever cut short; DATETIME(6) keeps microseconds. */
  protected readonly types = {
    VARCHAR: 'LONGTEXT',
    BIGINT: 'BIGINT',
    INTEGER: 'INT',
    DOUBLE: 'DOUBLE',
    DECIMAL: 'DECIMAL(38,10)',
    BOOLEAN: 'BOOLEAN',
    DATE: 'DATE',
    TIMESTAMP: 'DATETIME(6)',
    JSON: 'JSON',
  } as const;

  protected override readonly maxDecimalPrecision = 65;
  /** MySQL keeps 30 digits after the point, MariaDB 38. */
  protected override readonly maxDecimalScale = this.target.product === 'MariaDB' ? 38 : 30;

  /**
   * CAST takes SIGNED, DECIMAL, DOUBLE, CHAR, DATE, DATETIME and (MySQL only) JSON; integers are
   * all 64-bit SIGNED, range-checked for `integer` before. CHAR names utf8mb4, since MariaDB's
   * CAST otherwise gives the connection's character set, which may be three-byte utf8.
   * @see https://dev.mysql.com/doc/refman/8.0/en/cast-functions.html#function_cast
   * @see https://mariadb.com/kb/en/cast/
   */
  protected castTypeName(type: CastType): string {
    switch (type.name) {
      case 'integer':
      case 'bigint':
        return 'SIGNED';
      case 'decimal':
        return `DECIMAL(${this.scalar(type.precision)},${this.scalar(type.scale)})`;
      case 'varchar':
        return `CHAR(${this.scalar(type.length)}) CHARACTER SET utf8mb4`;
      case 'text':
        return 'CHAR CHARACTER SET utf8mb4';
      case 'boolean':
        throw new Error('MySQL has no boolean CAST; castTo compares with 0.');
      case 'timestamp':
        return 'DATETIME(6)';
      default:
        return type.name.toUpperCase();
    }
  }

  /**
   * MariaDB's Sequence engine (built in since 10.0) reads `seq_1_to_N` in any database as the
   * numbers 1 to N. MySQL has no such table, and its recursive CTE stops at
   * `cte_max_recursion_depth` (1000 by default), a session setting a staging view does not
   * carry, so there the numbers are the digits 0-9 cross-joined once per decimal digit of N
   * (the leading digit only as far as N needs) and cut at N.
   * @see https://mariadb.com/kb/en/sequence-storage-engine/
   * @see https://dev.mysql.com/doc/refman/8.0/en/with.html#with-recursive
   */
  override rowNumbers(count: number, column: string): string {
    const as = this.quoteIdentifier(column);
    if (this.target.product === 'MariaDB') {
      const sequence = this.quoteIdentifier(`seq_1_to_${this.scalar(count)}`);
      return `SELECT ${this.quoteIdentifier('__sluice_series')}.${this.quoteIdentifier('seq')} AS ${as} FROM ${sequence} AS ${this.quoteIdentifier('__sluice_series')}`;
    }
    return digitNumbers(count, as, (name) => this.quoteIdentifier(name));
  }

  /** There is no boolean to cast to: a BOOLEAN is 0 or 1 (TINYINT(1)), what `<> 0` gives. */
  override castTo(sql: string, type: CastType): string {
    return type.name === 'boolean' ? `(${sql}) <> 0` : super.castTo(sql, type);
  }

  /**
   * Strict mode fails an `INSERT … SELECT` on `CAST('abc' AS SIGNED)`, but an export's plain
   * SELECT gets 0 and a warning, so the cast's check decides and this fails the statement.
   * Neither server raises an error of our own from an expression, but both fail on BIGINT
   * overflow, naming the expression, which carries the message.
   * @see https://dev.mysql.com/doc/refman/8.0/en/out-of-range-and-overflow.html
   */
  override castFailure(message: string, text: string, type: CastType): string {
    return this.castTo(
      `9223372036854775807 + LENGTH(CONCAT(${this.literal(message)}, ${text}))`,
      type,
    );
  }

  /** MariaDB has no JSON type (its JSON is text) and MySQL before 8.0.17 no DOUBLE cast. */
  override castLimits(type: CastType, path: FieldPath): Diagnostic[] {
    const found = super.castLimits(type, path);
    const mariadb = this.target.product === 'MariaDB';
    if (type.name === 'json' && mariadb) {
      found.push(
        this.unsupported(
          {
            feature: 'A cast to json',
            needs: 'DuckDB, MySQL 8 or MatrixOne',
            instead: 'MariaDB keeps JSON as text: cast to text, and filter with JSON_VALID.',
          },
          [...path, 'name'],
        ),
      );
    }
    if (type.name === 'double' && !mariadb && !versionAtLeast(this.target.version, DOUBLE_CAST)) {
      found.push(
        this.unsupported(
          {
            feature: 'A cast to double',
            needs: `MySQL ${DOUBLE_CAST}`,
            instead: 'Cast to decimal.',
          },
          [...path, 'name'],
        ),
      );
    }
    return found;
  }

  override loadLimits(node: ScanFileNode, ctx: CheckContext): Diagnostic[] {
    const found = super.loadLimits(node, ctx);
    if (found.length > 0 || node.format.kind !== 'parquet') return found;
    return [
      this.unsupported(
        {
          feature: 'Reading Parquet files',
          needs: 'DuckDB or MatrixOne',
          instead: 'Convert the file to CSV or JSON lines.',
        },
        ['format'],
      ),
    ];
  }

  override exportLimits(node: ExportFileNode, ctx: CheckContext): Diagnostic[] {
    const found = super.exportLimits(node, ctx);
    if (found.length > 0 || node.format.kind !== 'parquet') return found;
    return [
      this.unsupported(
        {
          feature: 'Parquet export',
          needs: 'DuckDB or MatrixOne 4.0',
          instead: 'Export CSV or JSON lines.',
        },
        ['format'],
      ),
    ];
  }

  /**
   * A full join is a UNION here (see `hasFullJoin`), and the union types a BOOLEAN column, which
   * is TINYINT(1) on these servers, as a wider TINYINT (see `unionLimits`). A plain join keeps
   * the type.
   */
  override joinLimits(node: JoinNode): Diagnostic[] {
    if (node.kind !== 'full') return [];
    const names = (node.columns ?? []).filter((c) => c.type === 'BOOLEAN').map((c) => c.as);
    return this.booleansThroughUnion(names, {
      option: (list) => `the BOOLEAN type of ${list} through a full join`,
      outcome: 'it is written there as a union, which makes true and false the numbers 1 and 0',
      path: ['kind'],
    });
  }

  /**
   * MariaDB's UNION widens BOOLEAN (TINYINT(1)) to TINYINT(4) (seen on 10.11; MySQL 8 not
   * checked), so such a column reads back, is written by CREATE TABLE … AS and is exported as 1
   * and 0 rather than true and false. No expression but the column itself gives TINYINT(1) back.
   */
  override unionLimits(node: UnionNode): Diagnostic[] {
    const names = (node.columns ?? []).filter((c) => c.type === 'BOOLEAN').map((c) => c.name);
    return this.booleansThroughUnion(names, {
      option: (list) => `BOOLEAN columns through a union (${list})`,
      outcome: 'they come out as the numbers 1 and 0',
      path: ['by'],
    });
  }

  /** The warning that BOOLEAN columns `names` lose their type through a UNION. */
  private booleansThroughUnion(
    names: readonly string[],
    says: { option: (list: string) => string; outcome: string; path: readonly string[] },
  ): Diagnostic[] {
    if (names.length === 0) return [];
    const option = says.option(names.map((name) => `"${name}"`).join(', '));
    return [
      diagnostic(
        'ignored-on-target',
        { option, target: this.targetName, outcome: says.outcome },
        { path: says.path },
      ),
    ];
  }

  /**
   * Creates the staging table, then loads the file the engine streams for the token in the SQL
   * (sql-reference.md §9.1, §9.5); see `loadInto` for the statement. JSON lines arrive transcoded
   * by the engine into MySQL's default tab-separated layout (`\N` for NULL, backslash escapes),
   * columns in order.
   *
   * MariaDB stages text as VARCHAR(255) where the row has room (see `BOUNDED_TEXT_LENGTH`), since
   * its grouping and joins are several times faster over it. A longer value cannot be cut short:
   * the server loads it truncated with a warning, and the load's `widen` statements remake the
   * table with LONGTEXT before the engine loads the file again.
   */
  loadFile(args: LoadArgs): DialectStep[] {
    const suffix = ` DEFAULT CHARACTER SET utf8mb4${this.stagingOptions}`;
    const table = this.quoteIdentifier(args.table);
    const wide = this.createStaging(args.table, args.columns, { suffix });
    const bounded = this.boundsText && boundedTextFits(args.columns);
    const create = bounded
      ? this.createStaging(args.table, args.columns, { suffix, typeOf: this.boundedType })
      : wide;
    const widen = bounded ? { widen: [`DROP TABLE ${table}`, wide] } : {};
    return [
      { kind: 'staging', phase: 'load', sql: create, inTransaction: false },
      { kind: 'load', phase: 'load', ...this.loadInto(table, args), ...widen },
    ];
  }

  /** Whether staging gives text a bounded length (MariaDB; see `loadFile`). */
  private readonly boundsText = this.target.product === 'MariaDB';

  private readonly boundedType = (type: ColumnType): string =>
    type === 'VARCHAR' ? `VARCHAR(${String(BOUNDED_TEXT_LENGTH)})` : this.columnType(type);

  /**
   * The `LOAD DATA` statement of `loadFile` into table `into` (quoted), which exists. Its careful
   * form reads fields into user variables so `SET` can turn the null value into NULL and boolean
   * words into booleans. Where empty fields are the null value (a CSV's default), the step first
   * runs a fast form instead, each field read straight into its column (about a fifth less of the
   * server's time), with the engine stopping the file at its first empty field; that stop
   * makes the engine empty the table and load with the careful form. JSON lines, whose nulls the
   * engine writes as `\N`, always load straight into the columns.
   */
  private loadInto(into: string, args: ReadArgs): Omit<DialectStep, 'kind' | 'phase'> {
    if (args.format.kind === 'parquet') throw new Error('MySQL cannot load Parquet files.');
    if (args.local === undefined) throw new Error('MySQL loads need the local path of the file.');
    const token = stageUri(args.file);
    const csv = args.format.kind === 'csv' ? args.format : undefined;
    const clauses = csv
      ? this.delimitedClauses(csv, 'OPTIONALLY ENCLOSED')
      : this.delimitedClauses(TRANSCODED_JSON_LINES, 'ENCLOSED');
    const load = (mapping: readonly string[]) =>
      [
        `LOAD DATA LOCAL INFILE ${this.literal(token)} INTO TABLE ${into}`,
        'CHARACTER SET utf8mb4',
        clauses,
        ...mapping,
      ].join(' ');
    const nullString = csv?.nullString;
    const careful = load(this.fieldMapping(args.columns, { nullString }));
    const stream = {
      format: args.format,
      token,
      ...(csv ? {} : { columns: args.columns.map((c) => c.name) }),
      ...(args.sampleRows === undefined ? {} : { sampleRows: args.sampleRows }),
    };
    const file = { ref: args.file, mode: 'read' as const, local: args.local, stream };
    const step = { inTransaction: false, rowsFrom: 'changes' as const };
    if (args.columns.length === 0 || (csv && nullString !== '')) {
      return { ...step, sql: careful, files: [file] };
    }
    const straight = load(this.fieldMapping(args.columns, { nullString, straight: true }));
    // The engine writes a JSON null as `\N`, which a column reads as NULL by itself.
    if (!csv) return { ...step, sql: straight, files: [file] };
    return {
      ...step,
      sql: straight,
      files: [{ ...file, stream: { ...stream, stopAtEmptyField: true } }],
      fallback: { before: [`TRUNCATE TABLE ${into}`], sql: careful },
    };
  }

  /**
   * Writes into an existing table run inside the transaction of the commit phase: appends, and
   * upserts (`ON DUPLICATE KEY UPDATE`), with the column list when known. Everything else builds
   * a shadow table beside the destination (autocommit) that the plan's one `RENAME TABLE` swaps
   * in: an overwrite of a table that takes the run's columns copies its definition with `CREATE
   * TABLE … LIKE` (keys, indexes, types; not foreign keys) and inserts the rows, any other
   * overwrite or new table is `CREATE TABLE … AS SELECT`, and a new table of an upsert is created
   * with its primary key. Without `createIfMissing` a check reads the table first, so a missing
   * one fails before anything moves.
   * @see https://dev.mysql.com/doc/refman/8.0/en/create-table-like.html
   */
  writeTable(args: WriteArgs): TableWrite {
    const exists = args.exists ?? true;
    const steps: DialectStep[] = [];
    if (!args.createIfMissing) {
      const sql = `SELECT * FROM ${this.quoteTable(args.table)} LIMIT 0`;
      steps.push({ kind: 'check', phase: 'write', sql, inTransaction: false });
    }
    const columns = args.columns?.slice();
    const intoExisting = exists || !args.createIfMissing;
    if (args.mode !== 'overwrite' && intoExisting) {
      const { source } = this.relationOf(args);
      const sql =
        args.mode === 'upsert'
          ? this.upsertSelect(args.table, source, { columns, keys: args.keys })
          : this.insertSelect(args.table, source, columns);
      steps.push({ kind: 'write', phase: 'commit', sql, inTransaction: true, rowsFrom: 'changes' });
      return { steps };
    }
    const name = (part: string) => stagingName(args.runTag, args.stageId, part);
    const swap: TableSwap = {
      table: args.table,
      shadow: name('new'),
      ...(exists ? { old: name('old') } : {}),
      trash: name('trash'),
    };
    const shadow = this.beside(args.table, swap.shadow);
    const autocommit = (kind: string, sql: string): DialectStep => ({
      kind,
      phase: 'write',
      sql,
      inTransaction: false,
      ...(kind === 'write' ? { rowsFrom: 'changes' as const } : {}),
    });
    if (args.landing) {
      steps.push(...this.landInShadow(shadow, args, args.landing));
    } else if (args.mode === 'upsert') {
      const { source } = this.relationOf(args);
      const create = this.createKeyedTable(shadow, {
        columns: args.columns,
        keys: args.keys,
        ifNotExists: false,
      });
      steps.push(
        autocommit('create', create),
        autocommit('write', this.upsertSelect(shadow, source, { columns, keys: args.keys })),
      );
    } else if (args.keepDefinition) {
      const { source } = this.relationOf(args);
      const like = `CREATE TABLE ${this.quoteTable(shadow)} LIKE ${this.quoteTable(args.table)}`;
      steps.push(
        autocommit('create', like),
        autocommit('write', this.insertSelect(shadow, source, columns)),
      );
    } else {
      const { query } = this.relationOf(args);
      const create = `CREATE TABLE ${this.quoteTable(shadow)}${this.unboundedText(args.columns)}`;
      steps.push(autocommit('write', `${create} AS ${query}`));
    }
    const staged = [swap.shadow, swap.old, swap.trash].flatMap((n): StagedRelation[] =>
      n === undefined ? [] : [{ name: n, kind: 'table', ...schemaOf(args.table) }],
    );
    return { steps, swap, staged };
  }

  /**
   * ` (c LONGTEXT, …)` for the text columns of a table MariaDB makes from a query, which would
   * otherwise take the VARCHAR(255) of bounded staging and refuse longer text later; a named
   * column keeps its place in the SELECT's order. Nothing where the columns are unknown, or
   * where staging bounds no text (MySQL).
   */
  private unboundedText(columns: Columns): string {
    const text = (columns ?? []).filter((c) => c.type === 'VARCHAR');
    if (!this.boundsText || text.length === 0) return '';
    const types = text.map((c) => `${this.quoteIdentifier(c.name)} ${this.columnType('VARCHAR')}`);
    return ` (${types.join(', ')})`;
  }

  /**
   * An overwrite builds a new table and swaps it in, so a file nothing else reads is loaded
   * straight into it: the rows move once, as a person loading a file into a new table would.
   */
  override landsInto(node: WriteTableNode): boolean {
    return node.mode === 'overwrite';
  }

  /**
   * The shadow table of an overwrite, made as the overwrite would make it from the staged file
   * (with the existing table's definition, or with the file's columns as staging types them, on
   * the server's default engine since it becomes the destination), and the file loaded into it.
   */
  private landInShadow(shadow: TableRef, args: WriteArgs, landing: Landing): DialectStep[] {
    const name = this.quoteTable(shadow);
    const create = args.keepDefinition
      ? `CREATE TABLE ${name} LIKE ${this.quoteTable(args.table)}`
      : this.createStaging(shadow, landing.columns, { suffix: ' DEFAULT CHARACTER SET utf8mb4' });
    const load = this.loadInto(name, landing);
    const files = (load.files ?? []).map((file) => ({ ...file, stageId: landing.stageId }));
    return [
      { kind: 'create', phase: 'write', sql: create, inTransaction: false },
      { kind: 'write', phase: 'write', ...load, files },
    ];
  }

  /**
   * InnoDB keys at most 3072 bytes, 768 characters of utf8mb4, and no unbounded text, so a text
   * key column is VARCHAR(768); a longer key value fails the run in strict mode.
   * @see https://dev.mysql.com/doc/refman/8.0/en/innodb-limits.html
   */
  protected override keyColumnType(type: ColumnType): string {
    return type === 'VARCHAR' ? 'VARCHAR(768)' : this.columnType(type);
  }

  /** Inside-the-write executors join the appends in the commit phase's transaction. */
  override readonly insidePhase = 'commit';

  /**
   * A table copied with its definition (`CREATE TABLE … LIKE`: columns, keys, indexes; not
   * foreign keys) and then its rows. With "skip if the copy exists" the rows go in only while
   * the copy is empty, so an existing copy keeps what it holds.
   * @see https://dev.mysql.com/doc/refman/8.0/en/create-table-like.html
   */
  override cloneTable(node: CloneNode): string[] {
    const target = this.quoteTable(node.target);
    const source = this.quoteTable(node.source);
    const create = node.ifNotExists ? 'CREATE TABLE IF NOT EXISTS' : 'CREATE TABLE';
    const unlessFilled = node.ifNotExists ? ` WHERE NOT EXISTS (SELECT 1 FROM ${target})` : '';
    return [
      `${create} ${target} LIKE ${source}`,
      `INSERT INTO ${target} SELECT * FROM ${source}${unlessFilled}`,
    ];
  }

  /**
   * One `RENAME TABLE` moves every current table aside and every shadow in; MySQL and MariaDB
   * run a multi-table rename atomically. The undo moves the new tables to trash names and the old
   * ones back, also in one statement.
   * @see https://dev.mysql.com/doc/refman/8.0/en/rename-table.html
   */
  override swapTables(swaps: readonly TableSwap[]): DialectStep {
    const pair = (from: TableRef, to: TableRef) =>
      `${this.quoteTable(from)} TO ${this.quoteTable(to)}`;
    const forward = swaps.flatMap((s) => [
      ...(s.old ? [pair(s.table, this.beside(s.table, s.old))] : []),
      pair(this.beside(s.table, s.shadow), s.table),
    ]);
    const back = swaps.flatMap((s) => [
      pair(s.table, this.beside(s.table, s.trash)),
      ...(s.old ? [pair(this.beside(s.table, s.old), s.table)] : []),
    ]);
    return {
      kind: 'swap',
      phase: 'swap',
      sql: `RENAME TABLE ${forward.join(', ')}`,
      inTransaction: false,
      undo: [`RENAME TABLE ${back.join(', ')}`],
    };
  }

  /** The engine runs the SELECT and writes its rows to `temp` in the stream's format. */
  exportFile(args: ExportArgs): DialectStep[] {
    if (args.format.kind === 'parquet') throw new Error('MySQL cannot export Parquet files.');
    if (args.local === undefined || args.temp === undefined) {
      throw new Error('MySQL exports need the local and temporary path of the file.');
    }
    return [
      {
        kind: 'export',
        phase: 'export',
        sql: args.query,
        inTransaction: false,
        rowsFrom: 'changes',
        files: [
          {
            ref: args.file,
            mode: 'write',
            local: args.local,
            temp: args.temp,
            stream: { format: args.format },
          },
        ],
      },
    ];
  }

  /**
   * `(@v1, …) SET col = …`: the null value becomes NULL (a CSV null string; transcoded JSON lines
   * carry `\N`, which the server already reads as NULL), and boolean columns accept the words
   * DuckDB accepts, since MySQL would read `true` as 0. `straight` reads every field but the
   * booleans straight into its column instead (`(a, b, @v3) SET c = …`), right only where no
   * field is the null value: a file with no empty field, which the engine sees to, or JSON lines.
   */
  private fieldMapping(
    columns: readonly Column[],
    { nullString, straight = false }: { nullString: string | undefined; straight?: boolean },
  ): string[] {
    if (columns.length === 0) return [];
    const viaVariable = (column: Column) => !straight || column.type === 'BOOLEAN';
    const variable = (i: number) => `@v${String(i + 1)}`;
    const fields = columns.map((c, i) =>
      viaVariable(c) ? variable(i) : this.quoteIdentifier(c.name),
    );
    const sets = columns.flatMap((column, i) => {
      if (!viaVariable(column)) return [];
      const raw = variable(i);
      const value =
        straight || nullString === undefined ? raw : `NULLIF(${raw}, ${this.literal(nullString)})`;
      return [
        `${this.quoteIdentifier(column.name)} = ${column.type === 'BOOLEAN' ? this.booleanOf(value) : value}`,
      ];
    });
    return [`(${fields.join(', ')})`, ...(sets.length > 0 ? [`SET ${sets.join(', ')}`] : [])];
  }

  private booleanOf(value: string): string {
    const words = (list: readonly string[]) => list.map((w) => this.literal(w)).join(', ');
    return (
      `CASE WHEN LOWER(${value}) IN (${words(BOOLEAN_WORDS.true)}) THEN TRUE` +
      ` WHEN LOWER(${value}) IN (${words(BOOLEAN_WORDS.false)}) THEN FALSE ELSE ${value} END`
    );
  }

  /** A name in the same schema as `table`, where its shadow and old copies live. */
  private beside(table: TableRef, name: string): TableRef {
    return { ...schemaOf(table), name };
  }
}

/** The layout the engine transcodes JSON lines into: MySQL's default text format. */
const TRANSCODED_JSON_LINES: CsvFormat = {
  kind: 'csv',
  header: false,
  delimiter: '\t',
  quote: '',
  escape: '\\',
  skipLines: 0,
  nullString: '\\N',
};

function schemaOf(table: TableRef): { schema?: string } {
  return table.schema ? { schema: table.schema } : {};
}
