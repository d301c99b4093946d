import type { Diagnostic } from '@sluice/flow';
import type {
  Column,
  Columns,
  Expr,
  FileFormat,
  FileRef,
  InputColumns,
  RelationNode,
  StageNode,
  TableDefinition,
  TableRef,
} from '@sluice/stages';

import type { CheckContext, Dialect, DialectStep, StagedRelation, TableSwap } from '../dialects';
import type { Landing, ReadArgs } from '../dialects/base';
import type { PlanStep } from '../plan';
import type { InlineRelation } from './materialise';
import type { SelectQuery } from './select-query';

/** A user expression an operator carries, and the relation whose columns it reads. */
export interface UserExpression {
  expr: Expr;
  over: RelationNode;
  /** Names the same operator defines, which the expression cannot read (a SELECT list's). */
  beside?: readonly string[];
}

/** A file an operator reads or writes; reads without declared columns say how to detect them. */
export interface NodeFile {
  ref: FileRef;
  mode: 'read' | 'write';
  detect?: FileFormat;
}

/** Maps a file in an external stage to the path or URL the target reads or writes. */
export type ResolveFile = (ref: FileRef, mode: 'read' | 'write') => string;

/** What rendering a query needs: the dialect and the staged relation behind each input port. */
export interface RenderContext {
  dialect: Dialect;
  /**
   * The relation linked into an input port as a FROM item: a staged relation's quoted name, or
   * an inlined one's query as a derived table; under `alias` when given.
   */
  source: (port: string, alias?: string) => string;
  /**
   * The relation linked into an input port as a query to add clauses to: a staged relation read
   * whole, or an inlined one's own query, so a limit after an inlined sort stays one SELECT.
   */
  input: (port: string) => SelectQuery;
  /** Renders an input relation of the node being rendered. */
  query: (node: RelationNode) => SelectQuery;
}

/** What a landed relation or a sink needs from the plan being built. */
export interface StepContext {
  stageId: string;
  dialect: Dialect;
  runTag: string;
  resolveFile: ResolveFile;
  /** The columns detected from the stage's file, used when its scan declares none. */
  detectedColumns?: readonly Column[];
  /** Whether a destination table exists at run start; `undefined` when not known. */
  tableExists(table: TableRef): boolean | undefined;
  /** The catalogue's definition of an existing destination table; `undefined` when not known. */
  definitionOf(table: TableRef): TableDefinition | undefined;
  /**
   * The relation linked into one of the stage's input ports as a FROM item (see
   * `RenderContext.source`).
   */
  relationOf(port: string, alias?: string): string;
  /** The relation linked into one of the stage's input ports as a query (`RenderContext.input`). */
  queryOf(port: string): SelectQuery;
  /** The columns arriving at one of the stage's input ports. */
  columnsOf(port: string): Columns;
  /** The file source linked into an input port when it is left for this stage to load. */
  landingOf?(port: string): Landing | undefined;
  /**
   * Set for a data preview: a file source lands only its first rows, this many, and every stage
   * is staged as a table of its own (see `stepsForStage`).
   */
  sampleRows?: number;
}

/**
 * Ties a dialect's steps to their stage, named `<kind>:<stage id>` (`load:`, `transform:`,
 * `write:`, …).
 */
export function ownSteps(stageId: string, steps: readonly DialectStep[]): PlanStep[] {
  return steps.map(({ kind, ...step }) => ({ id: `${kind}:${stageId}`, stageId, ...step }));
}

/** The steps one stage runs, and the relations it leaves for later stages and cleanup. */
export interface StageSteps {
  steps: PlanStep[];
  /** The staged relation holding the stage's output, if it has one. */
  output?: StagedRelation;
  /** Other relations the stage creates (shadow tables), dropped by cleanup. */
  staged?: StagedRelation[];
  swap?: TableSwap;
}

/** What a relation's columns are computed from. */
export interface ColumnsContext {
  /** The columns of the node's inputs, in `inputsOf` order. */
  inputs: readonly Columns[];
  /** The columns arriving at each input port of the stage. */
  ports: InputColumns;
}

/** What a rule's target-free check may ask: the metadata schema, the columns of a relation. */
export interface NodeCheckContext {
  metadataSchema: string;
  /** The columns of one of the node's input relations; `undefined` where not known. */
  columnsOf: (relation: RelationNode) => Columns;
}

/** What every operator module says about its node, whatever it renders to. */
interface BaseRule<N extends StageNode> {
  /** Every user expression the node carries (not those of its inputs), with config paths. */
  expressions(node: N): readonly UserExpression[];
  /** Checks needing no target: names Sluice reserves, SQL a person wrote that is no expression. */
  check?(node: N, ctx: NodeCheckContext): Diagnostic[];
  /** What the target cannot run, as diagnostics without a stage (the compiler adds it). */
  diagnose?(node: N, ctx: CheckContext & { dialect: Dialect }): Diagnostic[];
  /** Files the node reads or writes. */
  files?(node: N): readonly NodeFile[];
  /** Destination tables the node writes. */
  tables?(node: N): readonly TableRef[];
  /** Whether those tables then hold only the rows the node wrote (an overwrite replaced them). */
  replaces?(node: N): boolean;
  /** Tables the node reads, whose columns the target's catalogue gives. */
  reads?(node: N): readonly TableRef[];
}

/** A relation the database can read as a SELECT over its inputs. */
export interface QueryRule<N extends StageNode> extends BaseRule<N> {
  kind: 'query';
  columns(node: N, ctx: ColumnsContext): Columns;
  render(node: N, ctx: RenderContext): SelectQuery;
  /**
   * True where the operator fails on values at run time (a cast's conversion): it is staged, so
   * its statement, not its reader's, is the one that fails (see `stepsForStage`).
   */
  runsAlone?: boolean;
}

/** A relation that exists only once landed in a staging table (a file on MySQL). */
export interface LandedRule<N extends StageNode> extends BaseRule<N> {
  kind: 'landed';
  columns(node: N, ctx: ColumnsContext): Columns;
  /** The steps that land it in the new staging table `table`. */
  land(node: N, ctx: StepContext & { table: string }): DialectStep[];
  /** The relation as a query reading it in place, where the database can (DuckDB's files). */
  read?(node: N, ctx: StepContext): InlineRelation | undefined;
  /** What a table write needs to load it itself, not staged (see `Dialect.landsInto`). */
  landing?(node: N, ctx: StepContext): ReadArgs;
}

/** Where rows leave the flow: a table write or a file export. */
export interface SinkRule<N extends StageNode> extends BaseRule<N> {
  kind: 'sink';
  steps(node: N, ctx: StepContext): StageSteps;
}

/** How the compiler treats one operator of the relational form. */
export type NodeRule<N extends StageNode> = QueryRule<N> | LandedRule<N> | SinkRule<N>;

/**
 * The input port a sink writes. Sinks write what arrives on a port as it is, since every stage's
 * output is staged (see `materialise`); anything else is a stage module's bug.
 */
export function sinkPort(relation: RelationNode): string {
  if (relation.op !== 'input') {
    throw new Error(`A sink writes an input port, not a "${relation.op}" relation.`);
  }
  return relation.port;
}
