import { join } from 'node:path';

import type { Plan, TargetProfile } from '@sluice/compiler';
import type { FlowDocument, Stage } from '@sluice/flow';
import type { TableDefinition, TableRef } from '@sluice/stages';
import { analyzeFlow, compileFlow } from '@sluice/compiler';
import { getStage } from '@sluice/stages';

/** A stage of the current version of its type, with the type's defaults under `config`. */
export function stage(id: string, type: string, config: Record<string, unknown>): Stage {
  const definition = getStage(type);
  if (!definition) throw new Error(`No stage type ${type}.`);
  const position = { x: 0, y: 0 };
  const settings = { ...definition.defaults, ...config };
  return { id, type, typeVersion: definition.version, label: id, position, config: settings };
}

/** Links `from`'s output to `to`'s input. */
export const link = (from: string, to: string) => ({
  id: `${from}-${to}`,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port: 'in' },
});

export interface CompileFor {
  target: TargetProfile;
  runTag: string;
  /** Files of external stage `x` live in `<root>/x/`. */
  root: string;
  existingTables?: readonly TableRef[];
  tableDefinitions?: readonly TableDefinition[];
}

/** Compiles `doc` with the real compiler, failing the test on any error diagnostic. */
export function compileFor(doc: FlowDocument, options: CompileFor): Plan {
  const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
    target: options.target,
    runTag: options.runTag,
    resolveFile: (ref) => join(options.root, ref.externalStage, ref.path),
    ...(options.existingTables ? { existingTables: options.existingTables } : {}),
    ...(options.tableDefinitions ? { tableDefinitions: options.tableDefinitions } : {}),
  });
  if (!plan) throw new Error(`The flow did not compile: ${JSON.stringify(diagnostics)}`);
  return plan;
}
