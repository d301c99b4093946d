import type { Diagnostic, FlowDocument, PortRef } from '@sluice/flow';
import type { Column } from '@sluice/stages';
import { hasErrors } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { StagedRelation } from './dialects';
import type { DialectName, Plan, PlanStep } from './plan';
import type { ResolveFile } from './stage-steps';
import { analyzeFlow, inputColumns } from './analyze-flow';
import { getDialect } from './dialects';
import { PHASES } from './plan';
import { stageUri, stepsForOp } from './stage-steps';

export interface CompileOptions {
  dialect: DialectName;
  /** Unique per run; letters, digits and `_` only, since it becomes part of staging names. */
  runTag: string;
  /** Defaults to `stage://<external stage>/<path>`, which is what previews show. */
  resolveFile?: ResolveFile;
  /**
   * Columns detected from the files of sources that declare none, by stage id. With them the
   * load reads the file strictly against known columns, so a malformed row fails with its line
   * number instead of a failed format guess.
   */
  detectedColumns?: Readonly<Record<string, readonly Column[]>>;
}

export interface CompileResult {
  /** Absent when any diagnostic is an error. */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

const RUN_TAG = /^[A-Za-z0-9_]{1,32}$/;

/**
 * Compiles a flow into a plan for one dialect: load steps for file sources, one view per
 * processor (so the database binds and reports each stage on its own), writes and exports, and
 * cleanup dropping every staging object. Stages that feed no destination are not compiled.
 * Pure: it reads no files and touches no database.
 * @example compileFlow(doc, { dialect: 'duckdb', runTag: 'r1' }).plan?.steps.map((s) => s.id)
 */
export function compileFlow(doc: FlowDocument, options: CompileOptions): CompileResult {
  const detectedColumns = options.detectedColumns ?? {};
  const analysis = analyzeFlow(doc, detectedColumns);
  const { diagnostics } = analysis;
  if (hasErrors(diagnostics)) return { diagnostics };
  if (!RUN_TAG.test(options.runTag)) {
    throw new Error(`Run tag "${options.runTag}" must be 1-32 letters, digits or "_".`);
  }
  const dialect = getDialect(options.dialect);
  const resolveFile: ResolveFile = options.resolveFile ?? stageUri;
  const live = stagesFeedingDestinations(doc);
  const relations = new Map<string, StagedRelation>();
  const steps: PlanStep[] = [];
  for (const stageId of analysis.order) {
    const stage = doc.stages.find((s) => s.id === stageId);
    const definition = stage && getStage(stage.type);
    const config = analysis.configs[stageId];
    if (!definition || !config || !live.has(stageId)) continue;
    const ctx = { stageId, config, inputs: inputColumns(doc.links, stageId, analysis.columns) };
    const compiled = stepsForOp(definition.compile(ctx), {
      stageId,
      dialect,
      runTag: options.runTag,
      resolveFile,
      detectedColumns: detectedColumns[stageId],
      relationOf: (port) => relationFeeding(doc, { stageId, port }, relations),
    });
    steps.push(...compiled.steps);
    if (compiled.output) relations.set(stageId, compiled.output);
  }
  // Stable sort: within a phase the topological order holds, and a later phase only reads
  // relations created by earlier phases or earlier steps of its own.
  steps.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
  const staged = [...relations.values()];
  const cleanup = [...staged].reverse().map((relation, i): PlanStep => ({
    id: `cleanup:${i + 1}`,
    phase: 'cleanup',
    sql: dialect.dropRelation(relation),
  }));
  const staging = staged.map((r) => r.name);
  return {
    plan: { dialect: options.dialect, runTag: options.runTag, steps, cleanup, staging },
    diagnostics,
  };
}

function relationFeeding(
  doc: FlowDocument,
  { stageId, port }: PortRef,
  relations: ReadonlyMap<string, StagedRelation>,
): string {
  const link = doc.links.find((l) => l.target.stageId === stageId && l.target.port === port);
  const relation = link && relations.get(link.source.stageId);
  if (!relation) throw new Error(`Stage "${stageId}" has no compiled input on port "${port}".`);
  return relation.name;
}

/** Destinations plus every stage upstream of one; anything else would run for nothing. */
function stagesFeedingDestinations(doc: FlowDocument): ReadonlySet<string> {
  const needed = new Set(
    doc.stages.filter((s) => getStage(s.type)?.category === 'destination').map((s) => s.id),
  );
  const pending = [...needed];
  while (pending.length > 0) {
    const id = pending.pop();
    for (const link of doc.links) {
      if (link.target.stageId !== id || needed.has(link.source.stageId)) continue;
      needed.add(link.source.stageId);
      pending.push(link.source.stageId);
    }
  }
  return needed;
}
