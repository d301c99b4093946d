import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { FlowFile } from '@sluice/flow';

import type { TestServer } from '../../test/harness';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';
import { trpcFailure } from '../../test/trpc-failure';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function exported(name: string): Promise<FlowFile> {
  const flow = await server.caller.flow.create({ name, document: paidOrdersFlow() });
  return server.caller.flow.exportFile({ id: flow.id });
}

describe('flow.exportFile', () => {
  it('holds the document, its schema version and the external stages it names', async () => {
    const file = await exported('Paid orders');
    expect(file).toEqual({
      format: 'sluice-flow',
      schemaVersion: 1,
      name: 'Paid orders',
      document: paidOrdersFlow(),
      externalStages: ['exports', 'samples'],
    });
  });

  it('exports a past version when asked', async () => {
    const flow = await server.caller.flow.create({ name: 'Paid', document: paidOrdersFlow() });
    await server.caller.flow.save({
      id: flow.id,
      baseVersion: 1,
      document: paidOrdersFlow({ condition: 'amount > 100' }),
    });
    const first = await server.caller.flow.exportFile({ id: flow.id, version: 1 });
    expect(first.document).toEqual(paidOrdersFlow());
    const missing = await trpcFailure(server.caller.flow.exportFile({ id: flow.id, version: 9 }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('refuses a flow whose config carries something like a password, naming the field', async () => {
    const document = paidOrdersFlow();
    document.stages[1]!.config = { condition: 'TRUE', dbPassword: 'hunter2' };
    const flow = await server.caller.flow.create({ name: 'Leaky', document });
    const error = await trpcFailure(server.caller.flow.exportFile({ id: flow.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('document.stages.1.config.dbPassword');
  });
});

describe('flow.importFile', () => {
  it('saves the file as a new flow, adding " (imported)" when the name is taken', async () => {
    const file = await exported('Paid orders');
    const first = await server.caller.flow.importFile({ file });
    expect(first.name).toBe('Paid orders (imported)');
    const second = await server.caller.flow.importFile({ file });
    expect(second.name).toBe('Paid orders (imported 2)');
    const named = await server.caller.flow.importFile({ file, name: 'Paid again' });
    expect((await server.caller.flow.byId({ id: named.id })).document).toEqual(paidOrdersFlow());
  });

  it('names every missing external stage and unknown stage type, and saves nothing', async () => {
    const file = await exported('Paid orders');
    const document = paidOrdersFlow({ externalStage: 'warehouse' });
    document.stages.push({
      id: 'score',
      type: 'ml-score',
      typeVersion: 1,
      label: 'Score',
      position: { x: 0, y: 0 },
      config: {},
    });
    const before = await server.caller.flow.list();
    const error = await trpcFailure(
      server.caller.flow.importFile({
        file: { ...file, document, externalStages: ['exports', 'lake', 'warehouse'] },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'The flow "Paid orders" was not imported: it names external stages this Sluice does not have ("lake", "warehouse"); create them first, and stage types this Sluice cannot read ("ml-score"); upgrade Sluice or remove them.',
    );
    expect(error.cause).toMatchObject({
      diagnostics: [
        { code: 'unknown-external-stage', stageId: 'orders', path: ['externalStage'] },
        { code: 'unknown-stage-type', stageId: 'score' },
      ],
    });
    expect(await server.caller.flow.list()).toEqual(before);
  });

  it('refuses a stage of a newer version than this Sluice knows', async () => {
    const file = await exported('Paid orders');
    file.document.stages[1]!.typeVersion = 5;
    const error = await trpcFailure(server.caller.flow.importFile({ file }));
    expect(error.cause).toMatchObject({
      diagnostics: [{ code: 'stage-version-too-new', stageId: 'paid' }],
    });
  });

  it('refuses a malformed file with each problem at its path, and saves nothing', async () => {
    const file = await exported('Paid orders');
    const error = await trpcFailure(
      server.caller.flow.importFile({
        file: { ...file, name: '', document: { ...file.document, links: 'none' } },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The flow file has a problem: name: A flow needs a name');
    const text = await trpcFailure(server.caller.flow.importFile({ file: '{"format":' }));
    expect(text.message).toMatch(/^The flow file has a problem: The file is not JSON/);
    expect(await server.caller.flow.list()).toHaveLength(1);
  });
});
