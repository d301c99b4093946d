import type { TargetProfile } from '@sluice/compiler';
import { analyzeFlow, compileFlow } from '@sluice/compiler';
import { FlowDocumentSchema } from '@sluice/flow';

import { chainFlow } from '../test/chain-flow';
import { median } from './measure';

const WARM_UP = 3;
const REPEATS = 7;

/** Milliseconds of each part of checking and compiling one flow, and of the whole. */
export interface CompileTimes {
  validate: number;
  analyze: number;
  compile: number;
  total: number;
}

/**
 * Validating and compiling a chain of `stages` stages as the server does on a run: the document
 * parsed by its schema (the API's input check), analysed (the flow's diagnostics) and compiled
 * for `target`. Each run's chain spells its expressions anew, so nothing read earlier is read
 * again; medians of `REPEATS` runs after `WARM_UP`.
 */
export function compileTimes(stages: number, target: TargetProfile): CompileTimes {
  const runs: CompileTimes[] = [];
  for (let i = 0; i < WARM_UP + REPEATS; i += 1) {
    const doc = chainFlow(stages - 2, { rows: 10_000, table: 'dest', variant: i + 1 });
    const started = performance.now();
    const parsed = FlowDocumentSchema.parse(doc);
    const validated = performance.now();
    const analysis = analyzeFlow(parsed, { parameters: { dialect: target.dialect } });
    const analysed = performance.now();
    const { plan, diagnostics } = compileFlow(analysis, {
      target,
      runTag: `c${String(i)}`,
      existingTables: [],
    });
    const compiled = performance.now();
    if (!plan) throw new Error(`The chain did not compile: ${JSON.stringify(diagnostics)}`);
    runs.push({
      validate: validated - started,
      analyze: analysed - validated,
      compile: compiled - analysed,
      total: compiled - started,
    });
  }
  const measured = runs.slice(WARM_UP);
  const of = (part: keyof CompileTimes) => median(measured.map((run) => run[part]));
  return {
    validate: of('validate'),
    analyze: of('analyze'),
    compile: of('compile'),
    total: of('total'),
  };
}
