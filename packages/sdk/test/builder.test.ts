import { describe, expect, it } from 'vitest';

import type { TargetProfile } from '@sluice/compiler';
import { analyzeFlow, previewFlow } from '@sluice/compiler';
import { FlowDocumentSchema } from '@sluice/flow';

import { createFlow, Flow, FlowBuildError } from '../src';

const MARIADB: TargetProfile = { dialect: 'mysql', product: 'MariaDB', version: '10.11.6' };

/** Orders, filtered, joined with customers, written to a table and to a Parquet file. */
function ordersFlow() {
  const flow = createFlow({ name: 'Orders with customers' });
  const orders = flow.addStage('file-source', { label: 'Orders', config: { path: 'orders.csv' } });
  const customers = flow.addStage('file-source', {
    label: 'Customers',
    config: { path: 'customers.csv' },
  });
  const paid = flow.addStage('filter', { config: { condition: "status = 'paid'" } });
  const join = flow.addStage('join', {
    config: { kind: 'left', keys: [{ left: 'customer', right: 'name' }] },
  });
  orders.connectOutputTo(paid).connectOutputTo(join, { port: 'left' });
  customers.connectOutputTo(join, { port: 'right' });
  join.connectOutputTo(flow.addStage('table-destination', { config: { table: 'paid_orders' } }));
  join.connectOutputTo(
    flow.addStage('file-export', { config: { format: 'parquet', path: 'paid.parquet' } }),
  );
  return flow;
}

describe('building a flow', () => {
  it('gives a document the flow schema accepts, with the palette defaults, ids and labels', () => {
    const document = ordersFlow().toDocument();
    expect(FlowDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.stages.map((s) => [s.id, s.label])).toEqual([
      ['file-source-1', 'Orders'],
      ['file-source-2', 'Customers'],
      ['filter-1', 'Filter'],
      ['join-1', 'Join'],
      ['table-destination-1', 'Table'],
      ['file-export-1', 'File export'],
    ]);
    expect(document.stages[0]?.config).toMatchObject({ externalStage: 'samples', header: true });
    expect(
      document.links.map((l) => `${l.source.stageId}>${l.target.stageId}.${l.target.port}`),
    ).toEqual([
      'file-source-1>filter-1.in',
      'filter-1>join-1.left',
      'file-source-2>join-1.right',
      'join-1>table-destination-1.in',
      'join-1>file-export-1.in',
    ]);
  });

  it('lays stages out left to right by depth, keeping given positions', () => {
    const flow = createFlow({ name: 'Layout' });
    const source = flow.addStage('table-source', { position: { x: -500, y: 40 } });
    const limit = flow.addStage('limit');
    source.connectOutputTo(limit).connectOutputTo(flow.addStage('table-destination'));
    const [first, second, third] = flow.toDocument().stages.map((s) => s.position);
    expect(first).toEqual({ x: -500, y: 40 });
    expect(second?.x).toBeLessThan(third?.x ?? 0);
    expect(second?.y).toBe(third?.y);
  });

  it('validates with the diagnostics the compiler gives the same document', () => {
    const flow = ordersFlow();
    const document = flow.toDocument();
    const analysis = analyzeFlow(document);
    expect(flow.validate()).toEqual(analysis.diagnostics);
    const onMariaDb = flow.validate({ target: MARIADB, knownExternalStages: ['samples'] });
    expect(onMariaDb).toEqual(
      previewFlow(analysis, { target: MARIADB, knownExternalStages: ['samples'] }).diagnostics,
    );
    expect(onMariaDb).toContainEqual(
      expect.objectContaining({ code: 'unknown-external-stage', stageId: 'file-export-1' }),
    );
    expect(onMariaDb).toContainEqual(
      expect.objectContaining({ code: 'unsupported-on-target', stageId: 'file-export-1' }),
    );
  });

  it('reports a config the schema refuses as the editor does, on the field', () => {
    const flow = createFlow({ name: 'Empty condition' });
    const filter = flow.addStage('filter', { config: { condition: '  ' } });
    flow.addStage('table-source').connectOutputTo(filter);
    filter.connectOutputTo(flow.addStage('table-destination'));
    expect(flow.validate()).toContainEqual(
      expect.objectContaining({ code: 'invalid-config', stageId: 'filter-1', path: ['condition'] }),
    );
    filter.update({ condition: 'amount > 0' });
    expect(flow.validate().filter((d) => d.stageId === 'filter-1')).toEqual([]);
  });

  it('refuses links the editor refuses, naming the ports there are', () => {
    const flow = createFlow({ name: 'Links' });
    const source = flow.addStage('table-source');
    const join = flow.addStage('join');
    const destination = flow.addStage('table-destination');
    expect(() => source.connectOutputTo(join, { port: 'middle' as 'left' })).toThrow(
      'Stage "join-1" (join) has no input port "middle"; its inputs are left, right.',
    );
    expect(() => destination.connectOutputTo(join)).toThrow(
      'outputs no rows: link it to an executor only',
    );
    source.connectOutputTo(join);
    source.connectOutputTo(join);
    expect(() => source.connectOutputTo(join)).toThrow(
      'Every input of stage "join-1" (left, right) already has a link',
    );
    const limit = flow.addStage('limit');
    join.connectOutputTo(limit);
    expect(() => limit.connectOutputTo(join, { port: 'left' })).toThrow(FlowBuildError);
    expect(() => flow.addStage('teleport' as 'limit')).toThrow('Unknown stage type "teleport"');
    expect(() => flow.addStage('limit', { id: 'join-1' })).toThrow('already has a stage "join-1"');
    expect(() => flow.addStage('limit', { id: 'my limit' })).toThrow(
      'Stage id "my limit": Use letters, digits, "-" and "_" only.',
    );
  });

  it('follows the stage type when a config changes, as the inspector does', () => {
    const flow = createFlow({ name: 'Export' });
    const file = flow.addStage('file-export', { config: { path: 'paid.csv' } });
    file.update({ format: 'jsonl' });
    expect(file.config).toMatchObject({ format: 'jsonl', path: 'paid.jsonl' });
  });

  it('removes a stage with its links', () => {
    const flow = ordersFlow();
    flow.stage('join-1', 'join').remove();
    const document = flow.toDocument();
    expect(document.stages.map((s) => s.id)).not.toContain('join-1');
    expect(document.links.map((l) => l.id)).toEqual(['link-1']);
    expect(() => flow.stage('join-1')).toThrow('This flow has no stage "join-1"');
  });

  it('reads a saved document back, unchanged, and refuses one that is not a flow', () => {
    const note = { id: 'note-1', position: { x: 0, y: 300 }, text: 'Paid orders **only**' };
    const document = { ...ordersFlow().toDocument(), notes: [note] };
    const again = Flow.fromDocument(JSON.parse(JSON.stringify(document)), { name: 'Again' });
    expect(again.toDocument()).toEqual(document);
    expect(again.stages().map((s) => `${s.id}:${s.type}:${s.label}`)).toContain(
      'filter-1:filter:Filter',
    );
    expect(() => again.stage('filter-1', 'join')).toThrow('is a filter stage, not a join stage');
    expect(() => Flow.fromDocument({ schemaVersion: 1, stages: [{ id: 'x' }], links: [] })).toThrow(
      /This is not a flow document:[\s\S]*stages\[0\]/,
    );
  });
});

describe('parameters', () => {
  it('declares parameters the flow then names, and refuses one that is not right', () => {
    const flow = ordersFlow().addParameter({ name: 'since', type: 'date', default: '2026-01-01' });
    expect(flow.parameters()).toEqual([{ name: 'since', type: 'date', default: '2026-01-01' }]);
    expect(flow.toDocument().parameters).toEqual(flow.parameters());
    expect(() => flow.addParameter({ name: 'since', type: 'string', default: '' })).toThrow(
      '"since" is declared twice',
    );
    expect(() => flow.addParameter({ name: 'limit', type: 'integer', default: 'ten' })).toThrow(
      FlowBuildError,
    );
    expect(flow.parameters()).toHaveLength(1);
  });
});
