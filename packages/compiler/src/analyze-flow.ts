import type { Diagnostic, FlowDocument, Link, ParameterValue } from '@sluice/flow';
import type {
  Column,
  Columns,
  FileRef,
  InputColumns,
  StageContext,
  StageDefinition,
  StageNode,
} from '@sluice/stages';
import { AFTER_PORT, diagnostic, DONE_PORT, linksInto, topologicalOrder } from '@sluice/flow';
import { getStage, parseStageConfig } from '@sluice/stages';

import type { ParameterBinding } from './bind-parameters';
import type { DialectName } from './plan';
import type { UserExpression } from './relations/rule';
import { bindParameters } from './bind-parameters';
import { DEFAULT_METADATA_SCHEMA } from './check-sql';
import { stageUri } from './names';
import { nodeSqlDiagnostics, readExpressionsSql } from './node-sql';
import { nodeChecks, nodeFiles, relationColumns, userExpressions } from './relations/walk';

/** One stage whose config is valid, as the analysis compiled it. */
export interface StageAnalysis {
  definition: StageDefinition;
  config: Record<string, unknown>;
  /** The columns arriving on each linked input port. */
  inputs: InputColumns;
  /** What the stage compiles to, in the relational form. */
  node: StageNode;
}

/** What the compiler knows about a flow before choosing a dialect. */
export interface FlowAnalysis {
  /** The document analysed: the one given with its parameters bound (`bindParameters`). */
  document: FlowDocument;
  /** The dialect the parameters were bound for, the values they took, and whether SQL used them. */
  parameters: {
    dialect: DialectName;
    values: Record<string, ParameterValue>;
    sqlLiterals: boolean;
  };
  /** Stage ids with every link pointing forward; document order when the flow has a cycle. */
  order: string[];
  /** Output columns per stage id; `undefined` where only known at run time or not computable. */
  columns: Record<string, Columns>;
  /** Migrated, validated config per stage id; absent for stages whose config is invalid. */
  configs: Record<string, Record<string, unknown>>;
  /** Every stage whose config is valid, by id. */
  stages: Record<string, StageAnalysis>;
  /** The columns detected from files that were given (`AnalyzeOptions.detectedColumns`). */
  detectedColumns: Readonly<Record<string, readonly Column[]>>;
  /** The schema or database no stage may name (`AnalyzeOptions.metadataSchema`). */
  metadataSchema: string;
  diagnostics: Diagnostic[];
}

export interface AnalyzeOptions {
  /**
   * Columns standing in for the output of stages whose columns are only known from their file
   * (see `fileRefs`), by stage id.
   */
  detectedColumns?: Readonly<Record<string, readonly Column[]>>;
  /**
   * The schema (DuckDB) or database (MySQL family) holding Sluice's own tables; no stage may
   * name it. `sluice` when not given.
   */
  metadataSchema?: string;
  /**
   * The dialect whose literals stand for `${name}` in user SQL and the values chosen for the
   * run; DuckDB and the declared defaults when not given. Compiling for another dialect than the
   * one bound is refused, since its literals escape differently.
   */
  parameters?: ParameterBinding;
}

/** What reading a flow finds before any column is known: it is read once per analysis. */
interface FlowStructure {
  order: string[];
  configs: Record<string, Record<string, unknown>>;
  definitions: ReadonlyMap<string, StageDefinition>;
  /** Config, link and cycle problems, reported before the stages' own. */
  problems: Diagnostic[];
  /** Work that leads nowhere, reported last. */
  reach: Diagnostic[];
  /** How the document's parameters were bound (`FlowAnalysis.parameters`). */
  parameters: FlowAnalysis['parameters'];
}

/** The structure an analysis was made from, so detected columns can refine it (see below). */
const STRUCTURE = new WeakMap<FlowAnalysis, FlowStructure>();

/**
 * Validates a flow without compiling it for a dialect: stage types and configs, links and
 * ports, cycles, columns propagated in topological order, stage checks, destinations in the
 * metadata schema, and user SQL with the input columns it names. Each stage is compiled into
 * the relational form here, once; compile, file references, destination tables, previews and
 * the editor all take this analysis.
 */
export function analyzeFlow(doc: FlowDocument, options: AnalyzeOptions = {}): FlowAnalysis {
  const binding = options.parameters ?? { dialect: 'duckdb' };
  const bound = bindParameters(doc, binding);
  const structure = readStructure(bound.document, {
    dialect: binding.dialect,
    values: bound.values,
    sqlLiterals: bound.sqlLiterals,
  });
  structure.problems.unshift(...bound.diagnostics);
  return analyzeColumns(bound.document, structure, options);
}

/**
 * The analysis with columns detected from files standing in for the stages that declare none,
 * as a run knows them once it has read the files. Only the column pass runs again (columns,
 * stage checks, the SQL check against those columns); the flow's structure is not re-read.
 */
export function withDetectedColumns(
  analysis: FlowAnalysis,
  detectedColumns: Readonly<Record<string, readonly Column[]>>,
): FlowAnalysis {
  const structure = STRUCTURE.get(analysis);
  if (!structure) throw new Error('The analysis was not made by analyzeFlow.');
  if (Object.keys(detectedColumns).length === 0) return analysis;
  return analyzeColumns(analysis.document, structure, {
    metadataSchema: analysis.metadataSchema,
    detectedColumns: { ...analysis.detectedColumns, ...detectedColumns },
  });
}

function readStructure(doc: FlowDocument, parameters: FlowAnalysis['parameters']): FlowStructure {
  const problems: Diagnostic[] = [];
  const configs: Record<string, Record<string, unknown>> = {};
  const definitions = new Map<string, StageDefinition>();
  for (const stage of doc.stages) {
    const parsed = parseStageConfig(stage);
    if (parsed.ok) configs[stage.id] = parsed.config;
    else problems.push(...parsed.diagnostics);
    const definition = getStage(stage.type);
    if (definition) definitions.set(stage.id, definition);
  }
  problems.push(...linkDiagnostics(doc, definitions));
  const sorted = topologicalOrder(doc);
  if (!sorted.ok) {
    for (const stageId of new Set(sorted.cycle)) {
      problems.push(diagnostic('cycle', { stageIds: sorted.cycle }, { stageId }));
    }
  }
  const order = sorted.ok ? sorted.order : doc.stages.map((s) => s.id);
  const reach = reachDiagnostics(doc, definitions);
  return { order, configs, definitions, problems, reach, parameters };
}

function analyzeColumns(
  doc: FlowDocument,
  structure: FlowStructure,
  options: AnalyzeOptions,
): FlowAnalysis {
  const { order, configs, definitions } = structure;
  const detectedColumns = options.detectedColumns ?? {};
  const metadataSchema = options.metadataSchema ?? DEFAULT_METADATA_SCHEMA;
  const diagnostics: Diagnostic[] = [...structure.problems];
  const columns: Record<string, Columns> = {};
  const stages: Record<string, StageAnalysis> = {};
  const writes: { stageId: string; file: FileRef }[] = [];
  const into = linksInto(doc.links);
  const compiled: {
    ctx: StageContext<Record<string, unknown>>;
    definition: StageDefinition;
    node: StageNode;
    expressions: UserExpression[];
  }[] = [];
  for (const stageId of order) {
    const definition = definitions.get(stageId);
    const config = configs[stageId];
    columns[stageId] = undefined;
    if (!definition || !config) continue;
    const ctx = { stageId, config, inputs: inputColumns(into.get(stageId), columns) };
    const node = definition.compile(ctx);
    columns[stageId] =
      definition.outputColumns(ctx) ??
      relationColumns(node, ctx.inputs) ??
      detectedColumns[stageId];
    stages[stageId] = { definition, config, inputs: ctx.inputs, node };
    compiled.push({ ctx, definition, node, expressions: userExpressions(node) });
  }
  // Every stage's SQL in a few parses, before each stage's diagnostics ask for its own.
  readExpressionsSql(
    compiled.flatMap(({ expressions }) => expressions),
    { metadataSchema },
  );
  for (const { ctx, definition, node, expressions } of compiled) {
    const { stageId, inputs } = ctx;
    diagnostics.push(...(definition.check?.(ctx) ?? []));
    diagnostics.push(
      ...nodeSqlDiagnostics({ stageId, node, inputs, expressions }, { metadataSchema }),
    );
    const checks = nodeChecks(node, { metadataSchema, ports: inputs });
    diagnostics.push(...checks.map((d) => ({ ...d, stageId })));
    for (const { ref, mode } of nodeFiles(node)) {
      if (mode === 'write') writes.push({ stageId, file: ref });
    }
  }
  diagnostics.push(...sharedWrites(doc, writes), ...structure.reach);
  const analysis: FlowAnalysis = {
    document: doc,
    parameters: structure.parameters,
    order,
    columns,
    configs,
    stages,
    detectedColumns,
    metadataSchema,
    diagnostics,
  };
  STRUCTURE.set(analysis, structure);
  return analysis;
}

/** The columns arriving at each input port of a stage, from the links into it by port. */
function inputColumns(
  incoming: ReadonlyMap<string, readonly Link[]> | undefined,
  columns: Readonly<Record<string, Columns>>,
): InputColumns {
  const inputs: Record<string, Columns> = {};
  for (const [port, into] of incoming ?? []) {
    const source = into[0]?.source.stageId;
    inputs[port] = source === undefined ? undefined : columns[source];
  }
  return inputs;
}

function linkDiagnostics(
  doc: FlowDocument,
  definitions: ReadonlyMap<string, StageDefinition>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const link of doc.links) {
    const from = definitions.get(link.source.stageId);
    const to = definitions.get(link.target.stageId);
    if (from && !from.ports.outputs.includes(link.source.port)) {
      found.push(
        diagnostic('unknown-port', { port: link.source.port }, { stageId: link.source.stageId }),
      );
    }
    if (to && !to.ports.inputs.includes(link.target.port)) {
      found.push(
        diagnostic('unknown-port', { port: link.target.port }, { stageId: link.target.stageId }),
      );
    } else if (link.source.port === DONE_PORT && link.target.port !== AFTER_PORT) {
      const message = 'A stage that outputs no rows links only into an executor.';
      found.push(diagnostic('invalid-config', { message }, { stageId: link.target.stageId }));
    }
  }
  const into = linksInto(doc.links);
  for (const [stageId, definition] of definitions) {
    const incoming = into.get(stageId);
    for (const port of definition.ports.inputs) {
      const count = incoming?.get(port)?.length ?? 0;
      const optional = definition.ports.optional?.includes(port) ?? false;
      if (count === 0 && !optional) found.push(diagnostic('missing-input', { port }, { stageId }));
      const many = definition.ports.many?.includes(port) ?? false;
      if (count > 1 && !many) found.push(diagnostic('too-many-inputs', { port }, { stageId }));
    }
  }
  return found;
}

/** Two stages writing one file would overwrite each other; each export needs its own. */
function sharedWrites(
  doc: FlowDocument,
  writes: readonly { stageId: string; file: FileRef }[],
): Diagnostic[] {
  const key = ({ file }: { file: FileRef }) => `${file.externalStage}\u0000${file.path}`;
  return writes.flatMap((write) => {
    const others = writes.filter((w) => w.stageId !== write.stageId && key(w) === key(write));
    if (others.length === 0) return [];
    const labels = others.map((w) => {
      const label = doc.stages.find((s) => s.id === w.stageId)?.label ?? '';
      return `"${label === '' ? w.stageId : label}"`;
    });
    const where = stageUri(write.file);
    const verb = labels.length === 1 ? 'also writes' : 'also write';
    const message = `${labels.join(', ')} ${verb} ${where}; give each export its own file.`;
    return [diagnostic('invalid-config', { message }, { stageId: write.stageId })];
  });
}

/** Warnings for work that leads nowhere: outputs nothing reads, a flow with no destination. */
function reachDiagnostics(
  doc: FlowDocument,
  definitions: ReadonlyMap<string, StageDefinition>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const read = new Set(doc.links.map((l) => l.source.stageId));
  for (const [stageId, definition] of definitions) {
    const rows = definition.ports.outputs.filter((port) => port !== DONE_PORT);
    if (rows.length > 0 && !read.has(stageId)) {
      found.push(diagnostic('unconnected-output', {}, { stageId }));
    }
  }
  const acting = new Set(['destination', 'executor']);
  if (![...definitions.values()].some((d) => acting.has(d.category))) {
    found.push(diagnostic('no-destination', {}));
  }
  return found;
}
