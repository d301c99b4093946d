import { describe, expect, it } from 'vitest';

import { DONE_PORT, hasErrors } from '@sluice/flow';

import type { StageDefinition } from './define-stage';
import { EXECUTOR_PORTS } from './executor-ports';
import { getStage, stageList, stages } from './registry';
import { inputPorts } from './relational';
import { migrateStageConfig, parseStageConfig } from './stage-config';

const fixtureInput = [
  { name: 'id', type: 'BIGINT' as const },
  { name: 'amount', type: 'DOUBLE' as const },
];
const all: StageDefinition[] = Object.values(stages);

describe.each(all.map((s) => [s.type, s] as const))('stage type %s', (type, stage) => {
  it('has defaults, and an example where it has one, that parse under its schema', () => {
    expect(stage.config.safeParse(stage.defaults).error?.issues).toBeUndefined();
    expect(stage.config.safeParse(stage.example ?? stage.defaults).error?.issues).toBeUndefined();
  });

  it('has a form field for every config key, and none for keys it does not have', () => {
    const keys = Object.keys(stage.config.shape);
    const fields = Object.keys(stage.ui.fields);
    expect(fields.filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !fields.includes(k))).toEqual([]);
  });

  it('has a kebab-case id and sane ports', () => {
    expect(type).toMatch(/^[a-z]+(-[a-z]+)*$/);
    if (stage.category === 'origin') expect(stage.ports.inputs).toEqual([]);
    else expect(stage.ports.inputs.length).toBeGreaterThan(0);
    if (stage.category === 'destination') expect(stage.ports.outputs).toEqual([DONE_PORT]);
    else expect(stage.ports.outputs.length).toBeGreaterThan(0);
    if (stage.category === 'executor') {
      expect(stage.ports).toEqual(EXECUTOR_PORTS);
      return;
    }
    const optional = stage.ports.optional ?? [];
    expect(optional.filter((port) => !stage.ports.inputs.includes(port))).toEqual([]);
    if (stage.category !== 'origin')
      expect(optional.length).toBeLessThan(stage.ports.inputs.length);
  });

  it('checks and compiles its example (or defaults) over a fixture input without errors', () => {
    const inputs = Object.fromEntries(stage.ports.inputs.map((port) => [port, fixtureInput]));
    const ctx = { stageId: 'x', config: stage.example ?? stage.defaults, inputs };
    expect(hasErrors(stage.check?.(ctx) ?? [])).toBe(false);
    const ports = inputPorts(stage.compile(ctx));
    expect(ports.filter((port) => !stage.ports.inputs.includes(port))).toEqual([]);
  });

  it('chains its migrations from version 1 up to its version', () => {
    expect(stage.migrations.map((m) => m.from)).toEqual(
      Array.from({ length: stage.version - 1 }, (_, i) => i + 1),
    );
  });

  it('round-trips through parseStageConfig', () => {
    const parsed = parseStageConfig({
      id: 'x',
      type,
      typeVersion: stage.version,
      config: stage.defaults,
    });
    expect(parsed).toEqual({ ok: true, config: stage.defaults });
  });
});

describe('registry', () => {
  it('looks stage types up by id, and nothing else', () => {
    expect(getStage('filter')).toBe(stages.filter);
    expect(getStage('constructor')).toBeUndefined();
    expect(getStage('no-such-stage')).toBeUndefined();
  });

  it('lists stage types by category', () => {
    expect(stageList().map((s) => s.type)).toEqual([
      'file-source',
      'table-source',
      'sql-query',
      'row-generator',
      'filter',
      'select-columns',
      'derive',
      'cast',
      'sort',
      'limit',
      'join',
      'aggregate',
      'union',
      'deduplicate',
      'sql-transform',
      'table-destination',
      'file-export',
      'peek',
      'clone',
      'create-snapshot',
      'restore-snapshot',
      'sql-statement',
    ]);
  });
});

describe('parseStageConfig', () => {
  it('turns zod issues into invalid-config diagnostics with field paths', () => {
    const config = { ...stages['file-source'].defaults, path: '../x.csv', skipLines: -1 };
    const parsed = parseStageConfig({ id: 'src', type: 'file-source', typeVersion: 1, config });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['invalid-config', 'src', ['path']],
      ['invalid-config', 'src', ['skipLines']],
    ]);
  });

  it('reports unknown stage types and versions from a newer Sluice', () => {
    const unknown = parseStageConfig({ id: 'a', type: 'pivot', typeVersion: 1, config: {} });
    const newer = parseStageConfig({ id: 'b', type: 'filter', typeVersion: 9, config: {} });
    expect(unknown.ok ? [] : unknown.diagnostics.map((d) => d.code)).toEqual([
      'unknown-stage-type',
    ]);
    expect(newer.ok ? [] : newer.diagnostics.map((d) => d.message)).toEqual([
      'This "filter" stage was saved by a newer Sluice (version 9, this one knows 1).',
    ]);
  });
});

describe('migrateStageConfig', () => {
  it('leaves a current config as it is and refuses unknown stage types', () => {
    expect(migrateStageConfig('filter', 1, { condition: 'a' })).toEqual({ condition: 'a' });
    expect(() => migrateStageConfig('pivot', 1, {})).toThrow('Unknown stage type "pivot".');
  });
});
