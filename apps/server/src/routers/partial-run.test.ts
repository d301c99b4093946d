import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { TestServer } from '../../test/harness';
import type { RunDetail } from '../runs/run-types';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('the live view of a failed run', () => {
  it('points at the failed stage and its statement with the database message', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'Bad cast',
      document: paidOrdersFlow({ condition: 'CAST(status AS INTEGER) > 0' }),
    });
    const { runId } = await server.caller.run.start({ flowId });
    let last: RunDetail | undefined;
    for await (const snapshot of await server.caller.run.events({ runId })) last = snapshot;
    expect(last).toMatchObject({ state: 'failed' });
    const failed = last?.live?.statements.filter((s) => s.error !== undefined);
    expect(failed).toHaveLength(1);
    expect(failed?.[0]?.stageId).toBe(last?.failedStageId);
    expect(failed?.[0]?.error).toMatch(/Could not convert string 'paid'/);
    expect(failed?.[0]?.error).toBe(last?.error);
  });
});

describe('a partial run on DuckDB', () => {
  it('runs the selected table destination and its upstream, and writes no export', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'Up to the table',
      document: paidOrdersFlow(),
    });
    const { runId } = await server.caller.run.start({ flowId, stageIds: ['table'] });
    let last: RunDetail | undefined;
    for await (const snapshot of await server.caller.run.events({ runId })) last = snapshot;
    // The watched run lists each statement it ran, by stage (the file and the filter are read
    // inside the table's), and when each stage ran.
    const ran = new Set(last?.live?.statements.map((s) => s.stageId));
    expect([...ran].sort()).toEqual(['table']);
    expect(Object.keys(last?.live?.times ?? {}).sort()).toEqual(['orders', 'paid', 'table']);
    const run = await server.caller.run.byId({ runId });
    expect(run.state).toBe('succeeded');
    expect(run.stages.map((s) => [s.stageId, s.state])).toEqual([
      ['orders', 'succeeded'],
      ['paid', 'succeeded'],
      ['table', 'succeeded'],
    ]);
    const [{ stored }] = (await server.services.target.meta.query<{ stored: number }>(
      'SELECT count(*)::INTEGER AS stored FROM main.paid_orders',
    )) as [{ stored: number }];
    expect(stored).toBe(run.stages.find((s) => s.stageId === 'paid')?.rows);
    expect(await readdir(server.config.exportsDir)).toEqual([]);
  });

  it('refuses stages the saved flow does not have, starting no run', async () => {
    const { id: flowId } = await server.caller.flow.create({
      name: 'Unknown stage',
      document: paidOrdersFlow(),
    });
    await expect(server.caller.run.start({ flowId, stageIds: ['gone'] })).rejects.toThrow(
      /names stages the saved flow does not have \(gone\)/,
    );
    expect(await server.caller.run.list({ flowId })).toEqual([]);
  });
});
