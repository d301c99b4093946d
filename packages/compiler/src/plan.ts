import type { FileFormat, FileRef, TableRef } from '@sluice/stages';

/** The dialects a plan can be compiled for: MySQL and MariaDB share `mysql`. */
export const DIALECTS = ['duckdb', 'mysql', 'matrixone'] as const;
export type DialectName = (typeof DIALECTS)[number];

/** The database products Sluice recognises when it connects. */
export const PRODUCTS = ['DuckDB', 'MySQL', 'MariaDB', 'MatrixOne'] as const;
export type Product = (typeof PRODUCTS)[number];

/**
 * The target a plan is compiled for: the dialect, and the product and version detected at
 * connect, which decide version-gated SQL (MatrixOne 4.x export formats, for one).
 */
export interface TargetProfile {
  dialect: DialectName;
  product: Product;
  /** The server's version as `major.minor.patch`, e.g. `4.1.0` or `10.11.19`. */
  version: string;
}

/**
 * The phases of a run, in order (design.md, "Compile"); `swap` and `commit` are MySQL's.
 * `execute` holds executors inside the run's transaction (MySQL's run in `commit`), and
 * `after-commit` those that run once the run's writes have committed, which the engine runs last
 * and never undoes.
 */
export const PHASES = [
  'prepare',
  'load',
  'transform',
  'write',
  'export',
  'execute',
  'swap',
  'commit',
  'after-commit',
  'cleanup',
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * One SQL statement of a plan. `sql` is complete for its dialect: identifiers quoted and values
 * escaped by the dialect's one literal function. The engine runs steps in array order.
 */
export interface PlanStep {
  id: string;
  phase: Phase;
  /** The stage this step reports to; prepare and cleanup steps may have none. */
  stageId?: string;
  sql: string;
  /**
   * Whether the step runs inside the run's transaction. The engine opens one transaction at the
   * first such step and commits it after the last; steps outside it run on their own
   * (autocommit). DuckDB and MatrixOne run every write step inside; MySQL and MariaDB commit DDL
   * implicitly, so there only the appends of the commit phase are inside.
   */
  inTransaction: boolean;
  /**
   * Statements that undo this step's effect once it has succeeded, run in order when a later
   * step fails (after the transaction rolled back): MySQL's reverse `RENAME TABLE` of the shadow
   * swap, MatrixOne 4.x's `REMOVE FILES` of an export already written.
   */
  undo?: readonly string[];
  /** Run after `sql` to count the rows the stage produced (one row, one integer column). */
  rowCountSql?: string;
  /**
   * How the engine learns the rows this step produced: `count` runs `rowCountSql` after `sql`;
   * `changes` takes the statement's own changed-row count (DuckDB: the result's `rowsChanged`;
   * mysql2: `affectedRows`; a streamed export: the rows it wrote). Absent: the step produces no
   * rows of its own (it prepares a table or checks one exists).
   */
  rowsFrom?: 'count' | 'changes';
  /**
   * Set on a peek: the step is a SELECT whose first `rows` rows (at most `bytes` of them as JSON
   * text) the engine keeps and reports with the run once it has succeeded; it reads one more
   * row than it keeps, to tell that there were more.
   */
  keepRows?: { rows: number; bytes: number };
  /**
   * The careful form of a load whose `sql` reads fields straight into their columns (MySQL and
   * MariaDB): when the engine stopped the file at an empty field, it runs `before` (the table
   * emptied) and loads the file again with `sql`.
   */
  fallback?: { before: readonly string[]; sql: string };
  /**
   * Statements that remake a load's table with text of any length, where it stages text of a
   * bounded length (MariaDB): when the server warned loading (a value cut short), the engine runs
   * them and loads the file again as it last did.
   */
  widen?: readonly string[];
  /** Files this step reads or writes, for the engine's checks and streaming. */
  files?: readonly PlanFile[];
  /**
   * Stages whose relation this step's statement computes inside itself (inlined, see the
   * compiler's `inlineRelation`): they run, succeed and fail with this step. `same` means the
   * stage's output is exactly the rows this step reports (the relation a sink writes); the
   * rows of the others are not observed.
   */
  inlined?: readonly InlinedStage[];
}

export interface InlinedStage {
  stageId: string;
  rows: 'same' | 'unknown';
  /**
   * For a stage carrying user SQL: a zero-row SELECT of its own relation. When the step fails,
   * the engine binds it to tell whether the failure is this stage's SQL, and reports it there.
   */
  probe?: string;
}

/**
 * A file a step touches. `local` is the path Sluice resolved it to, absent where the database
 * itself resolves the file (MatrixOne reads and writes `stage://` URLs on its own servers).
 */
export interface PlanFile {
  ref: FileRef;
  mode: 'read' | 'write';
  local?: string;
  /**
   * The stage reading the file where it is not the step's own: a file source inlined into the
   * statement of the stage reading it, to which the file's errors belong.
   */
  stageId?: string;
  /** For writes: where the step writes; the engine moves it to `local` just before the final commit. */
  temp?: string;
  /**
   * Set where the engine moves the bytes itself (MySQL and MariaDB). A read answers the server's
   * `LOAD DATA LOCAL INFILE` request for `token` (the exact file name in the step's SQL) with the
   * file's bytes, turning JSON lines into the step's delimited layout with `columns` in order. A
   * write runs the step's SQL as a query and writes its rows to `temp` in `format`.
   */
  stream?: FileStream;
}

export interface FileStream {
  format: FileFormat;
  /** The name the step's `LOAD DATA LOCAL INFILE` uses; the engine refuses any other. */
  token?: string;
  /** Column names in file order, for reading JSON lines into a delimited load. */
  columns?: readonly string[];
  /**
   * Send only the file's first rows, this many (a data preview): the engine stops reading the
   * file after them, header and skipped lines not counted.
   */
  sampleRows?: number;
  /**
   * Fail the stream at the file's first empty field: the step's SQL reads fields straight into
   * columns, right only without one, and its `fallback` loads the file carefully instead.
   */
  stopAtEmptyField?: boolean;
}

/** The compiled, ordered SQL of one flow for one dialect. */
export interface Plan {
  dialect: DialectName;
  /** Unique per run; staging names carry it so concurrent runs never collide. */
  runTag: string;
  /** Steps of the prepare … commit phases, in order. */
  steps: PlanStep[];
  /** Run after success, failure and cancel alike; each one must tolerate a missing object. */
  cleanup: PlanStep[];
  /** Tables and views the plan creates for itself (staging, shadow), dropped by `cleanup`. */
  staging: string[];
  /** The destination tables the plan writes, so tests and the engine can check them. */
  destinations: TableRef[];
  /**
   * One query per table destination counting the table's rows, which the engine runs after the
   * last write (inside the final transaction where there is one) to report the table's total.
   * An overwrite has none: the table then holds just the rows the stage wrote.
   */
  tableTotals?: { stageId: string; sql?: string }[];
}
