import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunEvent } from '../src';
import type { TestServer } from './test-server';
import { ordersByRegion } from '../examples/orders-by-region';
import { createClient, SluiceRequestError, StaleSaveError } from '../src';
import { startServer } from './test-server';

const TOKEN = 'a-long-enough-access-token-for-the-sdk';

/** Orders of one status and their revenue per country, read from the sample file the flow reads. */
async function byCountry(
  wanted = 'paid',
): Promise<Map<string, { orders: number; revenue: number }>> {
  const text = await readFile(new URL('../../../samples/orders.csv', import.meta.url), 'utf8');
  const totals = new Map<string, { orders: number; revenue: number }>();
  for (const line of text.trim().split('\n').slice(1)) {
    // Only the customer may be quoted and hold commas; the last four fields never do.
    const [country = '', amount = '', status = ''] = line.split(',').slice(-4);
    if (status !== wanted) continue;
    const total = totals.get(country) ?? { orders: 0, revenue: 0 };
    totals.set(country, { orders: total.orders + 1, revenue: total.revenue + Number(amount) });
  }
  return totals;
}

/** The rows a per-country table holds are those `expected` counts, country by country. */
function expectRows(
  rows: readonly (readonly unknown[])[],
  expected: Map<string, { orders: number; revenue: number }>,
): void {
  expect(rows).toHaveLength(expected.size);
  for (const [country, orders, revenue] of rows) {
    const want = expected.get(String(country));
    expect(want, `country ${String(country)}`).toBeDefined();
    expect(Number(orders)).toBe(want?.orders);
    expect(Number(revenue)).toBeCloseTo(want?.revenue ?? NaN, 6);
  }
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ SLUICE_ACCESS_TOKEN: TOKEN });
});

afterAll(async () => {
  await server.close();
});

describe('the client against a running server', () => {
  it('creates a flow built in code, refuses a stale save, runs it and follows it to success', async () => {
    const sluice = createClient({ url: server.url, token: TOKEN });
    const flow = ordersByRegion();
    expect(await sluice.flows.validate(flow)).toEqual([]);
    const created = await sluice.flows.create(flow);
    expect(created.version).toBe(1);
    expect((await sluice.flows.list()).map((f) => f.name)).toEqual(['Orders by region']);

    // Someone else opens the flow by name and saves a change first.
    const colleague = createClient({ url: server.url, token: TOKEN });
    const theirs = await colleague.flows.get('orders BY region');
    theirs.stage('filter-1', 'filter').update({ condition: "status IN ('paid', 'shipped')" });
    expect(await colleague.flows.save(theirs)).toEqual({ version: 2 });

    flow.stage('filter-1', 'filter').rename('Only paid');
    const stale = await sluice.flows.save(flow).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleSaveError);
    expect(stale).toMatchObject({ flowId: created.id, baseVersion: 1, currentVersion: 2 });
    const kept = await sluice.flows.get(created.id);
    expect(kept.saved).toEqual({ id: created.id, version: 2 });
    expect(kept.stage('filter-1').config).toEqual({ condition: "status IN ('paid', 'shipped')" });

    // Taking the colleague's version back to paid orders only, on top of version 2.
    kept.stage('filter-1', 'filter').update({ condition: "status = 'paid'" });
    expect(await sluice.flows.save(kept)).toEqual({ version: 3 });

    const { runId } = await sluice.runs.start(created.id);
    const events: RunEvent[] = [];
    for await (const event of sluice.runs.watch(runId)) events.push(event);
    const last = events.at(-1);
    expect(last).toMatchObject({ kind: 'run', state: 'succeeded' });
    const finalStates = new Map(
      events.flatMap((e) => (e.kind === 'stage' ? [[e.stageId, e.stage.state] as const] : [])),
    );
    expect(Object.fromEntries(finalStates)).toEqual({
      'file-source-1': 'succeeded',
      'filter-1': 'succeeded',
      'aggregate-1': 'succeeded',
      'table-destination-1': 'succeeded',
    });

    const run = await sluice.runs.wait(runId);
    expect(run).toMatchObject({ state: 'succeeded', flowVersion: 3, startedBy: 'api' });
    const written = await sluice.trpc.run.destinationRows.query({
      runId,
      stageId: 'table-destination-1',
    });
    expectRows(written.rows, await byCountry());
  });

  it('runs a flow with a parameter, with the value given or the default', async () => {
    const sluice = createClient({ url: server.url, token: TOKEN });
    const flow = ordersByRegion();
    flow.name = 'Orders by region and status';
    flow.addParameter({ name: 'status', type: 'string', default: 'paid' });
    flow.stage('filter-1', 'filter').update({ condition: 'status = ${status}' });
    expect(await sluice.flows.validate(flow)).toEqual([]);
    const { id } = await sluice.flows.create(flow);
    const written = async (runId: string) => {
      expect(await sluice.runs.wait(runId)).toMatchObject({ state: 'succeeded' });
      const table = { runId, stageId: 'table-destination-1' };
      return (await sluice.trpc.run.destinationRows.query(table)).rows;
    };

    const shipped = await sluice.runs.start(id, { parameters: { status: 'shipped' } });
    expect(await sluice.runs.wait(shipped.runId)).toMatchObject({
      parameters: { status: 'shipped' },
    });
    expectRows(await written(shipped.runId), await byCountry('shipped'));
    const byDefault = await sluice.runs.start(id);
    expectRows(await written(byDefault.runId), await byCountry('paid'));

    const refused = sluice.runs.start(id, { parameters: { state: 'shipped' } });
    await expect(refused).rejects.toThrow('state');
  });

  it('refuses a run of a flow with errors, with the diagnostics why', async () => {
    const sluice = createClient({ url: server.url, token: TOKEN });
    const flow = ordersByRegion();
    flow.name = 'Orders by region, broken';
    flow.stage('filter-1', 'filter').update({ condition: 'no_such_column > 0' });
    // Without the file's columns nothing is wrong yet; the server reads them as the editor does.
    expect(flow.validate()).toEqual([]);
    expect(await sluice.flows.validate(flow)).toEqual([
      expect.objectContaining({ code: 'unknown-column', stageId: 'filter-1', path: ['condition'] }),
    ]);
    const { id } = await sluice.flows.create(flow);
    const refused = await sluice.runs.start(id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SluiceRequestError);
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      diagnostics: [expect.objectContaining({ code: 'unknown-column', stageId: 'filter-1' })],
    });
  });

  it('says which field of a request the server refused', async () => {
    const sluice = createClient({ url: server.url, token: TOKEN });
    const refused = sluice.runs.start('not an id!');
    await expect(refused).rejects.toThrow(
      'The server refused the request: flowId: Use letters, digits, "-" and "_" only',
    );
    await expect(refused).rejects.toHaveProperty('code', 'BAD_REQUEST');
    const unnamed = ordersByRegion();
    unnamed.name = ' ';
    await expect(sluice.flows.create(unnamed)).rejects.toThrow('Give the flow a name');
  });

  it('says which flows there are when none has the name asked for', async () => {
    const sluice = createClient({ url: server.url, token: TOKEN });
    await expect(sluice.flows.get('Orders by city')).rejects.toThrow(
      'No flow has the id or name "Orders by city" (the flows: ',
    );
  });

  it('is refused without the token of a server that needs one', async () => {
    const sluice = createClient({ url: server.url });
    const refused = sluice.flows.list();
    await expect(refused).rejects.toThrow('pass createClient({ url, token })');
    await expect(refused).rejects.toHaveProperty('code', 'UNAUTHORIZED');
  });
});
