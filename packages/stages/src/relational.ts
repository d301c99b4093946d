/**
 * The dialect-neutral relational form every stage compiles to: a small logical plan of relations
 * over expressions, ending in sinks (sqlglot's expression tree, Kysely's operation nodes). The
 * compiler renders it for one dialect, one module per operator, and decides which relations to
 * stage and which to inline; a stage only says what its output is.
 */
import type {
  CastType,
  Column,
  ColumnExpr,
  ColumnType,
  ConfigPath,
  Expr,
  FileFormat,
  FileRef,
  TableRef,
} from './stage-ir';

/** The relation linked into one of the stage's input ports. */
export interface InputNode {
  op: 'input';
  port: string;
}

/** The rows of a file in an external stage, with declared columns (empty: detected at run). */
export interface ScanFileNode {
  op: 'scan-file';
  file: FileRef;
  format: FileFormat;
  columns: readonly Column[];
}

/** The rows of a table on the target, as they are now or at a named snapshot (MatrixOne). */
export interface ScanTableNode {
  op: 'scan-table';
  table: TableRef;
  snapshot?: string;
}

/** The rows of `input` for which `condition` is true. */
export interface FilterNode {
  op: 'filter';
  input: RelationNode;
  condition: Expr;
}

/** One output column of a projection: an expression and its name. */
export interface ProjectedColumn {
  expr: Expr;
  as: string;
}

/**
 * The listed expressions of each row of `input`, in order, and nothing else; with `keepInput`,
 * every input column first (for a stage that adds columns to an input whose columns are not known
 * yet).
 */
export interface ProjectNode {
  op: 'project';
  input: RelationNode;
  columns: readonly ProjectedColumn[];
  keepInput?: boolean;
}

/** One column a cast converts: from its type (when known) to a portable type. */
export interface CastColumn {
  name: string;
  to: CastType;
  /** The column's type in the input; absent when not known, and then read as its text. */
  from?: ColumnType;
  /** The config row the cast comes from (`['columns', 2]`); its fields are keys below it. */
  path: ConfigPath;
}

/** Every column of `input`, with the listed ones converted in place. */
export interface CastNode {
  op: 'cast';
  input: RelationNode;
  columns: readonly CastColumn[];
  /** The input's column names in order; absent while they are not known. */
  inputColumns?: readonly string[];
  /** What a value that does not convert does: fail the run, or become NULL. */
  onError: 'fail' | 'null';
}

/**
 * One output column of a join, with its type: a column of the left input, of the right one, or
 * (both named) a key pair output once, from whichever side has a row.
 */
export type JoinedColumn = { as: string; type?: ColumnType } & (
  { left: string; right?: string } | { left?: undefined; right: string }
);

/** The rows of two relations matched on key pairs; NULL keys match nothing. */
export interface JoinNode {
  op: 'join';
  kind: 'inner' | 'left' | 'right' | 'full';
  left: RelationNode;
  right: RelationNode;
  keys: readonly { left: ColumnExpr; right: ColumnExpr }[];
  /**
   * The output columns in order, named so clashing names stay apart; absent while either side's
   * columns are only known when the flow runs.
   */
  columns?: readonly JoinedColumn[];
}

/** One aggregate of a group; `expr` is absent only for `count` of rows. */
export interface AggregateColumn {
  fn: 'count' | 'count-distinct' | 'sum' | 'avg' | 'min' | 'max';
  expr?: Expr;
  as: string;
  /**
   * The type of the aggregated column when known: the targets' sums of whole numbers differ in
   * type (see `aggregateType`), so the compiler spells those to return one type everywhere.
   */
  inputType?: ColumnType;
}

/** One row per distinct `groupBy`, with the group's aggregates. */
export interface AggregateNode {
  op: 'aggregate';
  input: RelationNode;
  groupBy: readonly Expr[];
  aggregates: readonly AggregateColumn[];
}

/**
 * The rows of every input, with duplicates (`all: false`) removed or kept. Columns pair up by
 * position and take the first input's names: a stage pairing them by name lists each input's
 * columns in the first input's order.
 */
export interface UnionNode {
  op: 'union';
  inputs: readonly RelationNode[];
  all: boolean;
  /** The output columns when known, for targets whose UNION changes a column's type. */
  columns?: readonly Column[];
}

/** One ordering key: an expression, its direction and where NULLs go. */
export interface SortKey {
  expr: Expr;
  direction: 'asc' | 'desc';
  nulls: 'first' | 'last';
}

/** The rows of `input` in key order. */
export interface SortNode {
  op: 'sort';
  input: RelationNode;
  keys: readonly SortKey[];
}

/** At most `count` rows of `input`, after skipping `offset`. */
export interface LimitNode {
  op: 'limit';
  input: RelationNode;
  count: number;
  offset: number;
}

/** One row per distinct `keys`: the first in `order`. No keys: one row per distinct whole row. */
export interface DistinctOnNode {
  op: 'distinct-on';
  input: RelationNode;
  keys: readonly Expr[];
  order: readonly SortKey[];
  /**
   * The input's column names, which the output keeps (targets that cannot drop a computed column
   * list them); absent while they are only known when the flow runs.
   */
  columns?: readonly string[];
}

/** A SELECT a person wrote, reading its inputs by the names given here. */
export interface UserSelectNode {
  op: 'user-select';
  inputs: Readonly<Record<string, RelationNode>>;
  sql: string;
  path: ConfigPath;
}

/** A SELECT a person wrote over the target's own tables; its columns are the target's to tell. */
export interface TargetSelectNode {
  op: 'target-select';
  sql: string;
  path: ConfigPath;
}

/**
 * How a generated column's values are made from the row number and the seed. Ranges include
 * both ends; a decimal's are whole numbers of 10^-scale, a date's a first day and a count of
 * days after it.
 */
export type GeneratedValue =
  | { kind: 'sequence'; start: number; step: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number; scale: number }
  | { kind: 'choice'; choices: readonly string[] }
  | { kind: 'date'; from: string; days: number }
  | { kind: 'uuid' };

/** `rows` rows made inside the target, each column's value a function of the seed and row. */
export interface GenerateRowsNode {
  op: 'generate-rows';
  rows: number;
  seed: number;
  columns: readonly { name: string; value: GeneratedValue }[];
}

/** A relation: what a processor or origin outputs. */
export type RelationNode =
  | InputNode
  | ScanFileNode
  | ScanTableNode
  | FilterNode
  | ProjectNode
  | CastNode
  | JoinNode
  | AggregateNode
  | UnionNode
  | SortNode
  | LimitNode
  | DistinctOnNode
  | UserSelectNode
  | TargetSelectNode
  | GenerateRowsNode;

/**
 * Writes the rows of `input` into a table: added to its rows, replacing them, or (upsert)
 * updating the rows whose `keys` match and adding the others.
 */
export interface WriteTableNode {
  op: 'write-table';
  input: RelationNode;
  table: TableRef;
  mode: 'append' | 'overwrite' | 'upsert';
  /** The columns that identify a row; set for an upsert only. */
  keys?: readonly string[];
  createIfMissing: boolean;
}

/** Writes the rows of `input` as a file in an external stage. */
export interface ExportFileNode {
  op: 'export-file';
  input: RelationNode;
  file: FileRef;
  format: FileFormat;
}

/** Shows the first `rows` rows of `input` with the run; writes nothing. */
export interface PeekNode {
  op: 'peek';
  input: RelationNode;
  rows: number;
}

/** Where a destination's rows go. */
export type SinkNode = WriteTableNode | ExportFileNode | PeekNode;

/**
 * Where an executor runs: inside the run's transaction (undone with the run's writes when a
 * later step fails), or once the run's writes have committed (then kept whatever follows).
 */
export type ExecutorPlacement = 'inside' | 'after-commit';

/**
 * A copy of a table or a database under a new name, of its state now or at a snapshot
 * (MatrixOne), into this account or another one.
 */
export interface CloneNode {
  op: 'clone';
  what: 'table' | 'database';
  /** The table (a database: only `name`) copied. */
  source: TableRef;
  /** The new table (a database: only `name`). */
  target: TableRef;
  snapshot?: string;
  ifNotExists: boolean;
  toAccount?: string;
}

/** A MatrixOne snapshot of the account, a database or a table, taken under `name`. */
export interface CreateSnapshotNode {
  op: 'create-snapshot';
  name: string;
  level: 'account' | 'database' | 'table';
  database?: string;
  table?: string;
}

/** The account, a database or a table put back as a MatrixOne snapshot holds it. */
export interface RestoreSnapshotNode {
  op: 'restore-snapshot';
  snapshot: string;
  level: 'account' | 'database' | 'table';
  account?: string;
  database?: string;
  table?: string;
}

/** One statement a person wrote, run where they chose. */
export interface SqlStatementNode {
  op: 'sql-statement';
  sql: string;
  path: ConfigPath;
  runs: ExecutorPlacement;
}

/** A side effect with no rows, ordered by the links into it. */
export type ExecutorNode = CloneNode | CreateSnapshotNode | RestoreSnapshotNode | SqlStatementNode;

/** What one stage compiles to: its output relation, the sink it writes, or its side effect. */
export type StageNode = RelationNode | SinkNode | ExecutorNode;

/** The operator names of the relational form. */
export type NodeOp = StageNode['op'];

/** The node type of one operator. */
export type NodeOf<K extends NodeOp> = Extract<StageNode, { op: K }>;

/** The relation on an input port, for stages whose output is built on it. */
export function input(port: string): InputNode {
  return { op: 'input', port };
}

/**
 * The relations a node reads, in order: found by shape (any field holding nodes), so a new
 * operator's inputs are walked without a change here.
 */
export function inputsOf(node: StageNode): RelationNode[] {
  // Loops, not array methods: every check and every stage's columns walk nodes through here.
  const found: RelationNode[] = [];
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) if (isNode(item)) found.push(item);
    } else if (isNode(value)) {
      found.push(value);
    } else if (typeof value === 'object' && value !== null) {
      const values: unknown[] = Object.values(value);
      if (values.every(isNode)) found.push(...values);
    }
  }
  return found;
}

/** The input ports a node reads, each once, in order. */
export function inputPorts(node: StageNode): string[] {
  if (node.op === 'input') return [node.port];
  return [...new Set(inputsOf(node).flatMap(inputPorts))];
}

function isNode(value: unknown): value is RelationNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { op?: unknown }).op === 'string'
  );
}
