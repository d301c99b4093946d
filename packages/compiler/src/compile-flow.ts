import type { Diagnostic, FlowDocument, Link, PortRef } from '@sluice/flow';
import type {
  Column,
  FileRef,
  InputColumns,
  StageNode,
  TableDefinition,
  TableRef,
} from '@sluice/stages';
import { diagnostic, hasErrors, linksInto, reachableStages } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { FlowAnalysis } from './analyze-flow';
import type { Dialect, StagedRelation, TableSwap } from './dialects';
import type { Landing } from './dialects/base';
import type { InlinedStage, Plan, PlanFile, PlanStep, TargetProfile } from './plan';
import type { InlineRelation } from './relations/materialise';
import type { ResolveFile, StepContext } from './relations/rule';
import type { SelectQuery } from './relations/select-query';
import { withDetectedColumns } from './analyze-flow';
import { assertBoundFor } from './bind-parameters';
import { dialectFor } from './dialects';
import { isRunTag, stageUri } from './names';
import { PHASES } from './plan';
import { inlineRelation, landingFor, stepsForStage } from './relations/materialise';
import { ruleOf } from './relations/operators';
import { derivedTable, selectAll } from './relations/select-query';
import { nodeLimits, nodeTables, nodeTableTotals } from './relations/walk';

export interface CompileOptions {
  /** The database the plan runs on; its dialect and version decide the SQL. */
  target: TargetProfile;
  /** Unique per run; letters, digits and `_` only, since it becomes part of staging names. */
  runTag: string;
  /** Defaults to `stage://<external stage>/<path>`, which is what previews show. */
  resolveFile?: ResolveFile;
  /**
   * Columns detected from the files of sources that declare none, by stage id, which refine the
   * analysis (`withDetectedColumns`). With them the load reads the file strictly against known
   * columns, so a malformed row fails with its line number instead of a failed format guess.
   * MySQL and MatrixOne need them to create staging.
   */
  detectedColumns?: Readonly<Record<string, readonly Column[]>>;
  /**
   * The destination tables (see `destinationTables`) that exist at run start. MySQL plans
   * shadow swaps from it; absent (previews) means every destination is assumed to exist.
   */
  existingTables?: readonly TableRef[];
  /**
   * The catalogue's definitions of the destination tables that exist at run start. With one, an
   * overwrite keeps a table that takes the run's columns and an upsert checks the table's keys;
   * without, an overwrite makes the table anew.
   */
  tableDefinitions?: readonly TableDefinition[];
  /**
   * Stage every processor on its own as a view the database binds and counts by itself, rather
   * than inline what is read once (see `inlineRelation`): each stage's SQL can then be read and
   * run alone, which is how the compiler's tests check one operator's SQL. Runs never set it.
   */
  stageEach?: boolean;
  /**
   * External stages whose files live on S3, directly or as sub-stages of one. Only MatrixOne
   * reads S3; other targets get a diagnostic on the stage that uses one.
   */
  s3ExternalStages?: readonly string[];
}

export interface CompileResult {
  /** Absent when any diagnostic is an error. */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/**
 * Compiles a flow into a plan for one target: each relation read once inlined into the
 * statement reading it, the others staged (see `inlineRelation`), writes and exports, and
 * cleanup dropping every staging object. Stages that feed no destination are not compiled;
 * what the target cannot run becomes a diagnostic on the stage's field, never bad SQL.
 * It takes the flow's analysis (`analyzeFlow`), which has compiled every stage already.
 * Pure: it reads no files and touches no database.
 * @example compileFlow(analyzeFlow(doc), { target: { dialect: 'duckdb', product: 'DuckDB', version: '1.5.0' }, runTag: 'r1' })
 */
export function compileFlow(analyzed: FlowAnalysis, options: CompileOptions): CompileResult {
  const analysis = withDetectedColumns(analyzed, options.detectedColumns ?? {});
  const { document: doc, detectedColumns } = analysis;
  if (hasErrors(analysis.diagnostics)) return { diagnostics: analysis.diagnostics };
  if (!isRunTag(options.runTag)) {
    throw new Error(`Run tag "${options.runTag}" must be 1-32 letters, digits or "_".`);
  }
  assertBoundFor(analysis.parameters, options.target.dialect);
  const dialect = dialectFor(options.target);
  const tableExists = existenceOf(options.existingTables);
  const definitionOf = definitionsOf(options.tableDefinitions);
  const s3 = new Set(options.s3ExternalStages);
  const check = {
    dialect,
    tableExists,
    definitionOf,
    onS3: (file: FileRef) => s3.has(file.externalStage),
  };
  const into = linksInto(doc.links);
  const live = liveStages(analysis, into);
  const diagnostics = [
    ...analysis.diagnostics,
    ...insideAfterCommit(doc, live),
    ...live.flatMap(({ stageId, node, inputs }) => {
      const limits = nodeLimits(node, {
        ...check,
        columnsOf(port) {
          return inputs[port];
        },
      });
      return limits.map((d) => ({ ...d, stageId }));
    }),
  ];
  if (hasErrors(diagnostics)) return { diagnostics };

  const resolveFile: ResolveFile = options.resolveFile ?? stageUri;
  const relations = new Map<string, StagedRelation>();
  const inlined = new Map<string, Inlined>();
  const landings = new Map<string, Landing>();
  const nodes = new Map(live.map((s) => [s.stageId, s.node]));
  const outputs: Outputs = { dialect, relations, inlined };
  const readers = readerCounts(doc, new Set(live.map((s) => s.stageId)));
  const soleReaders = soleReadersOf(doc, { nodes, readers });
  const extra: StagedRelation[] = [];
  const swaps: TableSwap[] = [];
  const steps: PlanStep[] = [];
  for (const { stageId, node, inputs } of live) {
    // Methods, not arrow functions: tsx, which runs the server, names each arrow function as
    // it is created with a property definition, which costs more than these calls do.
    const ctx: StepContext = {
      stageId,
      dialect,
      runTag: options.runTag,
      resolveFile,
      ...(detectedColumns[stageId] ? { detectedColumns: detectedColumns[stageId] } : {}),
      tableExists,
      definitionOf,
      relationOf(port, alias) {
        return fromItem(outputs, feederOf(into, { stageId, port }), alias);
      },
      queryOf(port) {
        return queryOf(outputs, feederOf(into, { stageId, port }));
      },
      columnsOf(port) {
        return inputs[port];
      },
      landingOf(port) {
        return landings.get(feederOf(into, { stageId, port }));
      },
    };
    const reader = soleReaders.get(stageId);
    const landing =
      options.stageEach !== true && reader ? landingFor(node, reader, ctx) : undefined;
    if (landing) {
      landings.set(stageId, landing);
      continue;
    }
    const incoming = linksOf(into.get(stageId));
    const below = [...inputsInlined(incoming, inlined), ...inputsLanded(incoming, landings)];
    const depth = 1 + Math.max(0, ...below.map((b) => b.count));
    const inlines =
      options.stageEach !== true && readers.get(stageId) === 1 && depth <= MAX_INLINED;
    const inline = inlines ? inlineRelation(node, ctx) : undefined;
    if (inline) {
      // A stage carrying user SQL gets a zero-row probe of its own relation, so a statement
      // that fails on that SQL can be told apart from one failing downstream (`InlinedStage`).
      const probe =
        ruleOf(node).expressions(node).length > 0
          ? dialect.select({
              columns: '*',
              from: derivedTable(dialect.select(inline.query), dialect),
              limit: { count: 0, offset: 0 },
            })
          : undefined;
      inlined.set(stageId, {
        query: inline.query,
        files: inline.files,
        stage: { stageId, ...(probe === undefined ? {} : { probe }) },
        below,
        count: below.reduce((sum, b) => sum + b.count, 1),
      });
      continue;
    }
    const compiled = stepsForStage(node, ctx, options.stageEach);
    steps.push(...withInlined(compiled.steps, below, ruleOf(node).kind === 'sink'));
    if (compiled.output) relations.set(stageId, compiled.output);
    extra.push(...(compiled.staged ?? []));
    if (compiled.swap) swaps.push(compiled.swap);
  }
  if (swaps.length > 0) {
    const { kind, ...swap } = dialect.swapTables(swaps);
    steps.push({ id: kind, ...swap });
  }
  // Stable sort: within a phase the topological order holds, and a later phase only reads
  // relations created by earlier phases or earlier steps of its own.
  steps.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
  const staged = [...[...relations.values()].reverse(), ...extra];
  return {
    plan: {
      dialect: options.target.dialect,
      runTag: options.runTag,
      steps,
      cleanup: cleanupSteps(dialect, staged),
      staging: [...relations.values(), ...extra].map((r) => r.name),
      destinations: live.flatMap(({ node }) => nodeTables(node)),
      tableTotals: live.flatMap(({ stageId, node }) =>
        nodeTableTotals(node, dialect).map((total) => ({ stageId, ...total })),
      ),
    },
    diagnostics,
  };
}

/** One step per staged relation dropping it; each tolerates a missing object. */
export function cleanupSteps(dialect: Dialect, staged: readonly StagedRelation[]): PlanStep[] {
  return staged.map((relation, i) => ({
    id: `cleanup:${i + 1}`,
    phase: 'cleanup',
    sql: dialect.dropRelation(relation),
    inTransaction: false,
  }));
}

/** The stages that feed a destination, in topological order, with what they compile to. */
function liveStages(
  analysis: FlowAnalysis,
  into: LinksInto,
): { stageId: string; node: StageNode; inputs: InputColumns }[] {
  const live = stagesFeedingDestinations(analysis.document, into);
  return analysis.order.flatMap((stageId) => {
    const stage = analysis.stages[stageId];
    if (!stage || !live.has(stageId)) return [];
    return [{ stageId, node: stage.node, inputs: stage.inputs }];
  });
}

const tableKey = (t: TableRef) => `${t.schema ?? ''}\u0000${t.name}`;

function existenceOf(
  existing: readonly TableRef[] | undefined,
): (table: TableRef) => boolean | undefined {
  if (!existing) return () => undefined;
  const keys = new Set(existing.map(tableKey));
  return (table) => keys.has(tableKey(table));
}

function definitionsOf(
  definitions: readonly TableDefinition[] | undefined,
): (table: TableRef) => TableDefinition | undefined {
  const byKey = new Map((definitions ?? []).map((d) => [tableKey(d.table), d]));
  return (table) => byKey.get(tableKey(table));
}

/**
 * The most stages one statement inlines; the next one is staged. Each may nest a derived table
 * (a projection), and MySQL and MariaDB refuse SELECTs nested more than 63 deep.
 */
const MAX_INLINED = 32;

/**
 * What a statement takes in through one of its inputs: a stage inlined into it with what that
 * stage inlines in turn, or a file source it loads itself (see `inputsLanded`). Each holds only
 * its own stage and files and points to those below it, so that inlining a stage copies nothing
 * of the chain under it; `stagesOf` and `filesOf` list them when a statement is written.
 */
interface Below {
  /** The files the stage itself reads (`InlineRelation.files`). */
  files: InlineRelation['files'];
  stage: { stageId: string; probe?: string };
  below: readonly Below[];
  /** How many stages it holds, itself and all below it: the length of `stagesOf` it. */
  count: number;
}

/** An inlined relation: its query, and the stages inlined into it, with their probes. */
interface Inlined extends InlineRelation, Below {}

/** The stages `of` holds, each before the ones below it, in the order of their inputs. */
function stagesOf(of: Below, into: Below['stage'][] = []): Below['stage'][] {
  into.push(of.stage);
  for (const b of of.below) stagesOf(b, into);
  return into;
}

/** The files the stages of `of` read, in the order of `stagesOf`. */
function filesOf(of: Below, into: PlanFile[] = []): PlanFile[] {
  into.push(...of.files);
  for (const b of of.below) filesOf(b, into);
  return into;
}

/** How many live stages read each stage's output. */
function readerCounts(doc: FlowDocument, live: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { source, target } of doc.links) {
    if (!live.has(target.stageId)) continue;
    counts.set(source.stageId, (counts.get(source.stageId) ?? 0) + 1);
  }
  return counts;
}

/** The links into each stage by input port (`linksInto`). */
type LinksInto = ReadonlyMap<string, ReadonlyMap<string, readonly Link[]>>;

/** The links into one stage (`LinksInto` of it), every port's. */
function linksOf(incoming: ReadonlyMap<string, readonly Link[]> | undefined): readonly Link[] {
  // A loop, not `flat()`: it runs for every stage, and most have one port and one link.
  const links: Link[] = [];
  for (const port of incoming?.values() ?? []) links.push(...port);
  return links;
}

/** The stage linked into one input port of a stage. */
function feederOf(into: LinksInto, { stageId, port }: PortRef): string {
  const link = into.get(stageId)?.get(port)?.[0];
  if (!link) throw new Error(`Stage "${stageId}" has no input linked on port "${port}".`);
  return link.source.stageId;
}

/** What the stages compiled so far left for their readers, in one dialect. */
interface Outputs {
  dialect: Dialect;
  relations: ReadonlyMap<string, StagedRelation>;
  inlined: ReadonlyMap<string, Inlined>;
}

/** A stage's output as a FROM item: its staging relation by name, or its inlined query. */
function fromItem(outputs: Outputs, stageId: string, alias?: string): string {
  const { dialect } = outputs;
  const staged = outputs.relations.get(stageId);
  if (staged) return stagedFrom(dialect, staged.name, alias);
  const inline = outputs.inlined.get(stageId);
  if (!inline) throw new Error(`Stage "${stageId}" has no compiled output.`);
  const sql = dialect.select(inline.query);
  if (alias === undefined) return derivedTable(sql, dialect);
  return `(${sql}) AS ${dialect.quoteIdentifier(alias)}`;
}

/** A stage's output as a query: its staging relation read whole, or its inlined query. */
function queryOf(outputs: Outputs, stageId: string): SelectQuery {
  const inline = outputs.inlined.get(stageId);
  return inline ? inline.query : selectAll(fromItem(outputs, stageId));
}

/** A staged relation as a FROM item, under `alias` when given. */
export function stagedFrom(dialect: Dialect, name: string, alias?: string): string {
  const as = alias === undefined ? '' : ` AS ${dialect.quoteIdentifier(alias)}`;
  return `${dialect.quoteIdentifier(name)}${as}`;
}

/** The live stage that reads each stage's output, for the stages read by exactly one. */
function soleReadersOf(
  doc: FlowDocument,
  {
    nodes,
    readers,
  }: { nodes: ReadonlyMap<string, StageNode>; readers: ReadonlyMap<string, number> },
): Map<string, StageNode> {
  const found = new Map<string, StageNode>();
  for (const { source, target } of doc.links) {
    const reader = nodes.get(target.stageId);
    if (reader && readers.get(source.stageId) === 1) found.set(source.stageId, reader);
  }
  return found;
}

/**
 * The file sources a stage loads itself on its input ports (`landingFor`), as stages inlined
 * into its write: their rows are the rows it loads, and the load's file is theirs.
 */
function inputsLanded(incoming: readonly Link[], landings: ReadonlyMap<string, Landing>): Below[] {
  return incoming.flatMap((l) => {
    const landing = landings.get(l.source.stageId);
    return landing ? [{ files: [], stage: { stageId: landing.stageId }, below: [], count: 1 }] : [];
  });
}

/** The inlined relations a stage reads through `incoming`, the links into it. */
function inputsInlined(
  incoming: readonly Link[],
  inlined: ReadonlyMap<string, Inlined>,
): Inlined[] {
  return incoming.flatMap((l) => {
    const inline = inlined.get(l.source.stageId);
    return inline ? [inline] : [];
  });
}

/**
 * A stage's steps with what it inlines: the files each statement reads through it (by path:
 * only DuckDB reads a file in place, and its SQL names the path), and its
 * stages on the statement whose rows the stage reports (the last one that reports rows). A
 * sink writes every row of its input, so the stage feeding it has the rows the sink reports.
 */
function withInlined(steps: PlanStep[], below: readonly Below[], sink: boolean): PlanStep[] {
  if (below.length === 0) return steps;
  const reporting = steps.findLastIndex((step) => step.rowsFrom !== undefined);
  const belowFiles = below.flatMap((b) => filesOf(b));
  return steps.map((step, i) => {
    const files = belowFiles.filter(
      (file) => file.local !== undefined && step.sql.includes(file.local),
    );
    const withFiles =
      files.length > 0 ? { ...step, files: [...(step.files ?? []), ...files] } : step;
    if (i !== reporting) return withFiles;
    const stages = below.flatMap((b) =>
      stagesOf(b).map((stage, depth): InlinedStage => ({
        ...stage,
        rows: sink && depth === 0 ? 'same' : 'unknown',
      })),
    );
    return { ...withFiles, inlined: stages };
  });
}

/** The staged relation linked into one input port of a stage. */
export function relationFeeding(
  doc: FlowDocument,
  { stageId, port }: PortRef,
  relations: ReadonlyMap<string, StagedRelation>,
): string {
  const link = doc.links.find((l) => l.target.stageId === stageId && l.target.port === port);
  const relation = link && relations.get(link.source.stageId);
  if (!relation) throw new Error(`Stage "${stageId}" has no compiled input on port "${port}".`);
  return relation.name;
}

/**
 * Destinations and executors plus every stage upstream of one; anything else would run for
 * nothing.
 */
function stagesFeedingDestinations(doc: FlowDocument, into: LinksInto): ReadonlySet<string> {
  const acting = new Set(['destination', 'executor']);
  const needed = new Set(
    doc.stages.filter((s) => acting.has(getStage(s.type)?.category ?? '')).map((s) => s.id),
  );
  const pending = [...needed];
  while (pending.length > 0) {
    const id = pending.pop() ?? '';
    for (const link of linksOf(into.get(id))) {
      if (needed.has(link.source.stageId)) continue;
      needed.add(link.source.stageId);
      pending.push(link.source.stageId);
    }
  }
  return needed;
}

/**
 * An executor inside the run's transaction cannot run after one that runs once the run has
 * committed: the transaction is over by then. Said on the inside one, naming the other.
 */
function insideAfterCommit(
  doc: FlowDocument,
  live: readonly { stageId: string; node: StageNode }[],
): Diagnostic[] {
  const late = new Set(live.filter(({ node }) => runsAfterCommit(node)).map((s) => s.stageId));
  return live.flatMap(({ stageId, node }) => {
    if (node.op !== 'sql-statement' || node.runs !== 'inside') return [];
    const upstream = reachableStages(doc.links, [stageId], 'upstream');
    const blocking = [...upstream].find((id) => id !== stageId && late.has(id));
    if (blocking === undefined) return [];
    const label = doc.stages.find((s) => s.id === blocking)?.label ?? blocking;
    const message = `This statement runs inside the run's transaction, but "${label}" before it runs after the commit: run this one after the commit too, or remove the link.`;
    return [diagnostic('invalid-config', { message }, { stageId, path: ['runs'] })];
  });
}

function runsAfterCommit(node: StageNode): boolean {
  if (node.op === 'sql-statement') return node.runs === 'after-commit';
  return node.op === 'clone' || node.op === 'create-snapshot' || node.op === 'restore-snapshot';
}
