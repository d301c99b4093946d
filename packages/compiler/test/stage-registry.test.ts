import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { StageDefinition } from '@sluice/stages';
import { DONE_PORT } from '@sluice/flow';
import { stages } from '@sluice/stages';

import type { PlanStep, TargetProfile } from '../src';
import { analyzeFlow, compileFlow } from '../src';
import { DUCKDB, MARIADB, MATRIXONE_3, MATRIXONE_4, stage } from './build-flow';

const TARGETS: readonly TargetProfile[] = [
  DUCKDB,
  MARIADB,
  { dialect: 'mysql', product: 'MySQL', version: '8.0.36' },
  MATRIXONE_3,
  MATRIXONE_4,
];

const all: StageDefinition[] = Object.values(stages);

/** A source with declared columns, so processors compile over known input columns. */
const source = stage('src', 'file-source', {
  externalStage: 'samples',
  path: 'orders.csv',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'amount', type: 'DOUBLE' },
  ],
});
const destination = stage('dest', 'table-destination', { table: 'out' });

/** The smallest flow that runs a stage with `config`: a source into it, a destination after. */
function flowAround(definition: StageDefinition, config: Record<string, unknown>): FlowDocument {
  const { inputs, outputs } = definition.ports;
  const into = inputs.map((port, i) => ({
    id: `in${i}`,
    source: { stageId: 'src', port: 'out' },
    target: { stageId: 'under', port },
  }));
  const rows = outputs.filter((port) => port !== DONE_PORT);
  const out = rows.slice(0, 1).map((port) => ({
    id: 'out',
    source: { stageId: 'under', port },
    target: { stageId: 'dest', port: 'in' },
  }));
  return {
    schemaVersion: 1,
    stages: [
      ...(into.length > 0 ? [source] : []),
      stage('under', definition.type, config),
      ...(out.length > 0 ? [destination] : []),
    ],
    links: [...into, ...out],
  };
}

describe.each(all.map((s) => [s.type, s] as const))('stage type %s', (type, definition) => {
  it('has a test file beside its module', () => {
    const file = new URL(`../../stages/src/${type}.stage.test.ts`, import.meta.url);
    expect(existsSync(file), `packages/stages/src/${type}.stage.test.ts`).toBe(true);
  });

  it('has defaults whose only errors point at one of its config fields', () => {
    const analysis = analyzeFlow(flowAround(definition, definition.defaults));
    const keys = Object.keys(definition.config.shape);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    expect(
      errors.filter((d) => d.stageId !== 'under' || !keys.includes(String(d.path?.[0]))),
    ).toEqual([]);
  });

  it.each(TARGETS.map((t) => [`${t.product} ${t.version}`, t] as const))(
    'compiles its example (or defaults) on %s, or says on the stage why the target cannot run it',
    (_name, target) => {
      const analysis = analyzeFlow(
        flowAround(definition, definition.example ?? definition.defaults),
      );
      expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const { plan, diagnostics } = compileFlow(analysis, {
        target,
        runTag: 'r1',
        existingTables: [{ name: 'out' }],
        detectedColumns: {},
      });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (plan) {
        expect(errors).toEqual([]);
        const runs = (step: PlanStep) =>
          step.stageId === 'under' || step.inlined?.some((i) => i.stageId === 'under') === true;
        expect(plan.steps.some(runs)).toBe(true);
      } else {
        expect(errors.map((d) => [d.code, d.stageId])).toEqual(
          errors.map(() => ['unsupported-on-target', 'under']),
        );
        expect(errors.length).toBeGreaterThan(0);
      }
    },
  );
});
