import type { TargetProfile } from '@sluice/compiler';
import type { FlowDocument } from '@sluice/flow';
import { analyzeFlow, compileFlow } from '@sluice/compiler';
import { FlowDocumentSchema } from '@sluice/flow';

import { chainFlow } from '../test/chain-flow';
import { median } from './measure';

const WARM_UP = 5;
const REPEATS = 7;
/** The last variant of the chain spelled (see `chainFlow`), so no two runs read the same text. */
let variant = 0;

/** Milliseconds of each part of checking and compiling one flow, and of the whole. */
export interface CompileTimes {
  validate: number;
  analyze: number;
  compile: number;
  total: number;
  /** The process's CPU time for the whole, which other work on the machine does not lengthen. */
  cpu: number;
}

/** Milliseconds of CPU the process has used. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** A flow validated and compiled the first time, and again once one of its stages changed. */
export interface CompileMeasure {
  first: CompileTimes;
  changed: CompileTimes;
}

/**
 * Validates and compiles a document as the server does on a run: parsed by its schema (the
 * API's input check), analysed (the flow's diagnostics) and compiled for `target`.
 */
function timeCompile(doc: FlowDocument, target: TargetProfile): CompileTimes {
  const cpuStarted = cpuMs();
  const started = performance.now();
  const parsed = FlowDocumentSchema.parse(doc);
  const validated = performance.now();
  const analysis = analyzeFlow(parsed, { parameters: { dialect: target.dialect } });
  const analysed = performance.now();
  const { plan, diagnostics } = compileFlow(analysis, { target, runTag: 'c', existingTables: [] });
  const compiled = performance.now();
  if (!plan) throw new Error(`The chain did not compile: ${JSON.stringify(diagnostics)}`);
  return {
    validate: validated - started,
    analyze: analysed - validated,
    compile: compiled - analysed,
    total: compiled - started,
    cpu: cpuMs() - cpuStarted,
  };
}

/** The document with the condition of its first filter written anew, as one edit leaves it. */
function withOneChange(doc: FlowDocument, edit: number): FlowDocument {
  const stages = doc.stages.map((stage) =>
    stage.type === 'filter' && stage.id === 'p0'
      ? { ...stage, config: { ...stage.config, condition: `id % 1000 <> ${String(-edit)}` } }
      : stage,
  );
  return { ...doc, stages };
}

const medians = (runs: readonly CompileTimes[]): CompileTimes => {
  const of = (part: keyof CompileTimes) => median(runs.map((run) => run[part]));
  return {
    validate: of('validate'),
    analyze: of('analyze'),
    compile: of('compile'),
    total: of('total'),
    cpu: of('cpu'),
  };
};

/**
 * A chain of `stages` stages validated and compiled the first time (a variant whose every
 * expression is new text, so none was read before), then again with one filter's condition
 * changed, as the editor's preview and a run after an edit see it; medians of `REPEATS` runs
 * of each after `WARM_UP`.
 */
export function compileTimes(stages: number, target: TargetProfile): CompileMeasure {
  const first: CompileTimes[] = [];
  const changed: CompileTimes[] = [];
  for (let i = 0; i < WARM_UP + REPEATS; i += 1) {
    variant += 1;
    const doc = chainFlow(stages - 2, { rows: 10_000, table: 'dest', variant });
    const read = timeCompile(doc, target);
    const again = timeCompile(withOneChange(doc, variant), target);
    if (i < WARM_UP) continue;
    first.push(read);
    changed.push(again);
  }
  return { first: medians(first), changed: medians(changed) };
}
