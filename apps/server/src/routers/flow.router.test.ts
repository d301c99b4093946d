import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

import type { TestServer } from '../../test/harness';
import { startTestServer } from '../../test/harness';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

function docWithStage(label: string): FlowDocument {
  return {
    ...emptyFlowDocument(),
    stages: [
      {
        id: 'src',
        type: 'file-source',
        typeVersion: 1,
        label,
        position: { x: 0, y: 0 },
        config: { externalStage: 'samples', path: 'orders.csv' },
      },
    ],
  };
}

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('flow router', () => {
  it('creates, lists, reads, renames and deletes flows', async () => {
    const { caller } = server;
    const created = await caller.flow.create({ name: 'Orders' });
    expect(created).toMatchObject({ name: 'Orders', version: 1, document: emptyFlowDocument() });
    const second = await caller.flow.create({ name: 'Customers', document: docWithStage('Read') });

    const list = await caller.flow.list();
    expect(list.map((f) => f.name).sort()).toEqual(['Customers', 'Orders']);
    expect(list.find((f) => f.id === second.id)?.stageCount).toBe(1);

    const renamed = await caller.flow.rename({ id: created.id, name: 'Paid orders' });
    expect(renamed.name).toBe('Paid orders');
    expect((await caller.flow.byId({ id: created.id })).name).toBe('Paid orders');

    expect(await caller.flow.delete({ id: created.id })).toEqual({ ok: true });
    const missing = await trpcError(caller.flow.byId({ id: created.id }));
    expect(missing.code).toBe('NOT_FOUND');
    expect((await caller.flow.list()).map((f) => f.id)).toEqual([second.id]);
  });

  it('refuses a second flow whose name differs only in case', async () => {
    await server.caller.flow.create({ name: 'Orders' });
    const error = await trpcError(server.caller.flow.create({ name: 'ORDERS' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('A flow named "ORDERS" already exists; choose another name.');
  });

  it('refuses a stale save and keeps both versions intact', async () => {
    const { caller } = server;
    const flow = await caller.flow.create({ name: 'Shared' });
    const mine = docWithStage('Mine');
    const theirs = docWithStage('Theirs');
    expect(await caller.flow.save({ id: flow.id, baseVersion: 1, document: theirs })).toMatchObject(
      { version: 2 },
    );

    const error = await trpcError(
      caller.flow.save({ id: flow.id, baseVersion: 1, document: mine }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'This flow was saved elsewhere (now version 2) after you opened version 1. Reload to see it, or save yours as a copy.',
    );
    const stored = await caller.flow.byId({ id: flow.id });
    expect(stored.version).toBe(2);
    expect(stored.document).toEqual(theirs);
    expect((await caller.flow.versions({ id: flow.id })).map((v) => v.version)).toEqual([2, 1]);

    const copy = await caller.flow.saveAs({ name: 'Shared (mine)', document: mine });
    expect((await caller.flow.byId({ id: copy.id })).document).toEqual(mine);
  });

  it('round-trips names and labels with quotes, backticks, backslashes and unicode', async () => {
    const name = `It's "quoted" \`tick\` back\\slash; DROP TABLE x; -- 数据 🚰`;
    const flow = await server.caller.flow.create({ name, document: docWithStage(name) });
    const stored = await server.caller.flow.byId({ id: flow.id });
    expect(stored.name).toBe(name);
    expect(stored.document.stages[0]?.label).toBe(name);
    expect((await server.caller.flow.list())[0]?.name).toBe(name);
  });

  it('saves notes and stage descriptions with the flow and reads them back', async () => {
    const { caller } = server;
    const flow = await caller.flow.create({ name: 'Annotated' });
    const [source] = docWithStage('Read').stages;
    const document: FlowDocument = {
      ...emptyFlowDocument(),
      stages: source ? [{ ...source, description: "The day's orders, as exported at 6" }] : [],
      notes: [
        {
          id: 'note-1',
          position: { x: 40, y: -80 },
          size: { width: 320, height: 180 },
          text: '## Why\n\nFinance reads the **paid** ones.',
        },
      ],
    };
    await caller.flow.save({ id: flow.id, baseVersion: 1, document });
    expect((await caller.flow.byId({ id: flow.id })).document).toEqual(document);
  });

  it('answers malformed input with BAD_REQUEST and the zod issues', async () => {
    const error = await trpcError(
      server.caller.flow.save({
        id: 'not a valid id!',
        baseVersion: 0,
        document: { schemaVersion: 1, stages: [], links: [] },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const { fieldErrors } = (await import('zod')).z.flattenError(error.cause as never) as {
      fieldErrors: Record<string, string[]>;
    };
    expect(Object.keys(fieldErrors).sort()).toEqual(['baseVersion', 'id']);
  });
});
