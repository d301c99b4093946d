import type { Diagnostic } from '@sluice/flow';
import type { Column, FileRef, StageNode } from '@sluice/stages';
import { diagnostic, hasErrors, reachableStages } from '@sluice/flow';

import type { FlowAnalysis } from './analyze-flow';
import type { StagedRelation } from './dialects';
import type { DialectName, PlanStep, TargetProfile } from './plan';
import type { ResolveFile } from './relations/rule';
import { withDetectedColumns } from './analyze-flow';
import { assertBoundFor } from './bind-parameters';
import { cleanupSteps, relationFeeding, stagedFrom } from './compile-flow';
import { dialectFor } from './dialects';
import { isRunTag, stageUri } from './names';
import { stepsForStage } from './relations/materialise';
import { ruleOf } from './relations/operators';
import { sinkPort } from './relations/rule';
import { selectAll } from './relations/select-query';
import { nodeLimits } from './relations/walk';

/** Rows read from the start of each source when none is given. */
export const SAMPLE_ROWS = 10_000;
/** Rows of the previewed stage's output shown when none is given. */
export const PREVIEW_ROWS = 100;

export interface SampleOptions {
  target: TargetProfile;
  /** The stage whose output is shown; for a destination, what arrives on its input. */
  stageId: string;
  /** Unique per preview, as a run's: staging names carry it (see `CompileOptions.runTag`). */
  runTag: string;
  resolveFile?: ResolveFile;
  /** See `CompileOptions.detectedColumns`. */
  detectedColumns?: Readonly<Record<string, readonly Column[]>>;
  /** See `CompileOptions.s3ExternalStages`. */
  s3ExternalStages?: readonly string[];
  /** Rows read from the start of each source; `SAMPLE_ROWS` when absent. */
  sampleRows?: number;
  /** Rows of the output shown; `PREVIEW_ROWS` when absent. */
  rows?: number;
}

/** The statements of one data preview; nothing in it writes outside its own staging. */
export interface SamplePlan {
  dialect: DialectName;
  runTag: string;
  /** The stage previewed. */
  stageId: string;
  /** The staging tables of the stages upstream of it, in order, each on its own (autocommit). */
  steps: PlanStep[];
  /** The bounded SELECT whose rows and columns the preview shows. */
  select: string;
  /** The source stages, whose steps' counts (`rowCountSql`) are the rows of their samples. */
  sources: string[];
  /** Rows read from the start of each source. */
  sampleRows: number;
  /** Drops every staging object; run after success, failure and cancel alike. */
  cleanup: PlanStep[];
  staging: string[];
}

export interface SampleResult {
  /** Absent when any diagnostic of the stages previewed is an error. */
  plan?: SamplePlan;
  diagnostics: Diagnostic[];
}

/**
 * Compiles the flow up to one stage for a data preview: each source reads only its first
 * `sampleRows` rows (a LIMIT on the file's load or on the table), every stage upstream of the
 * previewed one is staged as a table of that sample, so an error lands on the stage that caused
 * it, and
 * a final SELECT reads at most `rows` rows of its output. No destination, export or executor is
 * compiled at all, so a preview can write nothing but its own staging, which `cleanup` drops.
 * Only the diagnostics of the stages it reads (and of the flow as a whole) stop it.
 * Pure, like `compileFlow`.
 * @example compileSample(analyzeFlow(doc), { target, stageId: 'filter-1', runTag: 'a1b2c3d4' })
 */
export function compileSample(analyzed: FlowAnalysis, options: SampleOptions): SampleResult {
  const analysis = withDetectedColumns(analyzed, options.detectedColumns ?? {});
  const { document: doc, detectedColumns } = analysis;
  if (!isRunTag(options.runTag)) {
    throw new Error(`Run tag "${options.runTag}" must be 1-32 letters, digits or "_".`);
  }
  const upstream = reachableStages(doc.links, [options.stageId], 'upstream');
  const own = analysis.diagnostics.filter(
    (d) => d.stageId === undefined || upstream.has(d.stageId),
  );
  const previewed = previewedStage(analysis, options.stageId);
  if (!previewed.ok) return { diagnostics: [...own, previewed.diagnostic] };
  if (hasErrors(own)) return { diagnostics: own };

  assertBoundFor(analysis.parameters, options.target.dialect);
  const dialect = dialectFor(options.target);
  const s3 = new Set(options.s3ExternalStages);
  const check = {
    dialect,
    tableExists: () => undefined,
    definitionOf: () => undefined,
    onS3: (file: FileRef) => s3.has(file.externalStage),
  };
  const sampleRows = options.sampleRows ?? SAMPLE_ROWS;
  const stages = analysis.order.flatMap((stageId) => {
    const stage = analysis.stages[stageId];
    if (!stage || !upstream.has(stageId) || ruleOf(stage.node).kind === 'sink') return [];
    return [{ stageId, node: sampled(stage.node, sampleRows), inputs: stage.inputs }];
  });
  const diagnostics = [
    ...own,
    ...stages.flatMap(({ stageId, node, inputs }) =>
      [
        ...nodeLimits(node, { ...check, columnsOf: (port) => inputs[port] }),
        ...(node.op === 'scan-file' ? dialect.sampleLimits(node) : []),
      ].map((d) => ({ ...d, stageId })),
    ),
  ];
  if (hasErrors(diagnostics)) return { diagnostics };

  const relations = new Map<string, StagedRelation>();
  const steps: PlanStep[] = [];
  const sources: string[] = [];
  for (const { stageId, node, inputs } of stages) {
    const compiled = stepsForStage(node, {
      stageId,
      dialect,
      runTag: options.runTag,
      resolveFile: options.resolveFile ?? stageUri,
      ...(detectedColumns[stageId] ? { detectedColumns: detectedColumns[stageId] } : {}),
      tableExists: () => undefined,
      definitionOf: () => undefined,
      relationOf: (port, alias) =>
        stagedFrom(dialect, relationFeeding(doc, { stageId, port }, relations), alias),
      queryOf: (port) =>
        selectAll(stagedFrom(dialect, relationFeeding(doc, { stageId, port }, relations))),
      columnsOf: (port) => inputs[port],
      sampleRows,
    });
    if (isSourceNode(node)) sources.push(stageId);
    steps.push(...compiled.steps.map(ownStatement));
    if (compiled.output) relations.set(stageId, compiled.output);
  }
  const shown =
    previewed.port === undefined
      ? relations.get(options.stageId)?.name
      : relationFeeding(doc, { stageId: options.stageId, port: previewed.port }, relations);
  if (shown === undefined) throw new Error(`Stage "${options.stageId}" compiled no relation.`);
  const staged = [...relations.values()].reverse();
  return {
    plan: {
      dialect: options.target.dialect,
      runTag: options.runTag,
      stageId: options.stageId,
      steps,
      select: dialect.select({
        columns: '*',
        from: dialect.quoteIdentifier(shown),
        limit: { count: options.rows ?? PREVIEW_ROWS, offset: 0 },
      }),
      sources,
      sampleRows,
      cleanup: cleanupSteps(dialect, staged),
      staging: staged.map((r) => r.name),
    },
    diagnostics,
  };
}

/** What a preview of a stage shows: its output, or for a destination what arrives on `port`. */
type Previewed = { ok: true; port?: string } | { ok: false; diagnostic: Diagnostic };

function previewedStage(analysis: FlowAnalysis, stageId: string): Previewed {
  const stage = analysis.stages[stageId];
  const refuse = (message: string): Previewed => ({
    ok: false,
    diagnostic: diagnostic('invalid-config', { message }, { stageId }),
  });
  if (!analysis.document.stages.some((s) => s.id === stageId)) {
    return refuse(`The flow has no stage "${stageId}" to preview.`);
  }
  if (!stage) return refuse('Fix this stage\u2019s settings to preview it.');
  const { node } = stage;
  if (ruleOf(node).kind !== 'sink') return { ok: true };
  if ('input' in node) return { ok: true, port: sinkPort(node.input) };
  return refuse('This stage has no rows to preview.');
}

function isSourceNode(node: StageNode): boolean {
  if (node.op === 'scan-file' || node.op === 'generate-rows') return true;
  return (
    node.op === 'limit' && (node.input.op === 'scan-table' || node.input.op === 'target-select')
  );
}

/**
 * A source reads its first `rows` rows: a table or a SQL query through a LIMIT on it, a file
 * through the load (`StepContext.sampleRows`), a row generator by making that many (at least
 * one, which a zero-row description never reads).
 */
function sampled(node: StageNode, rows: number): StageNode {
  if (node.op === 'scan-table' || node.op === 'target-select') {
    return { op: 'limit', input: node, count: rows, offset: 0 };
  }
  if (node.op === 'generate-rows') return { ...node, rows: Math.max(1, Math.min(node.rows, rows)) };
  return node;
}

/** A preview step runs on its own, outside any transaction: cleanup drops what it made. */
function ownStatement(step: PlanStep): PlanStep {
  return { ...step, inTransaction: false };
}
