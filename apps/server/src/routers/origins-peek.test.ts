import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';

import type { FlowDocument, Stage } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { TestServer, TestTarget } from '../../test/harness';
import { startTestServer } from '../../test/harness';

/**
 * The new origins and the peek through the server, on a real DuckDB file and a real MariaDB: a
 * run of row generator → filter → peek keeps the peek's first 100 rows with the run (shown
 * again after a restart, as a past run reopened), a failed run keeps none, and a SQL query
 * origin's columns are described by the target.
 */
let server: TestServer;
afterEach(async () => {
  await server.close();
});

function stage(id: string, type: string, config: Record<string, unknown>): Stage {
  const definition = getStage(type);
  const settings = { ...definition?.defaults, ...config };
  return { id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config: settings };
}

const link = (from: string, to: string) => ({
  id: `${from}-${to}`,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port: 'in' },
});

function peekFlow(condition: string): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('gen', 'row-generator', {
        rows: 1000,
        seed: 5,
        columns: [
          { name: 'id', kind: 'sequence', start: 1, step: 1 },
          { name: 'score', kind: 'integer', min: 1, max: 10 },
        ],
      }),
      stage('high', 'filter', { condition }),
      stage('peek', 'peek', {}),
    ],
    links: [link('gen', 'high'), link('high', 'peek')],
  };
}

let flows = 0;

async function runToEnd(document: FlowDocument): Promise<string> {
  flows += 1;
  const name = `Peek ${String(flows)}`;
  const { id: flowId } = await server.caller.flow.create({ name, document });
  const { runId } = await server.caller.run.start({ flowId });
  for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
  return runId;
}

describe.each<TestTarget>(['duckdb', 'mariadb'])('origins and peek on %s', (target) => {
  it('keeps the first 100 rows at a peek with the run, also after a restart', async () => {
    server = await startTestServer({}, target);
    const runId = await runToEnd(peekFlow('score > 5'));
    const run = await server.caller.run.byId({ runId });
    expect(run.state).toBe('succeeded');
    expect(run.stages.find((s) => s.stageId === 'peek')).toMatchObject({
      state: 'succeeded',
      rows: 100,
      peeked: true,
    });
    expect(run.stages.find((s) => s.stageId === 'high')?.peeked).toBeUndefined();
    const peek = await server.caller.run.peekRows({ runId, stageId: 'peek' });
    expect(peek.columns.map((c) => c.name)).toEqual(['id', 'score']);
    expect(peek.rows).toHaveLength(100);
    expect(peek.more).toBe(true);
    expect(peek.rows.every((row) => Number(row[1]) > 5)).toBe(true);
    server = await server.restart();
    expect(await server.caller.run.peekRows({ runId, stageId: 'peek' })).toEqual(peek);
  });

  it('keeps no peek rows from a failed run, and says why when asked', async () => {
    server = await startTestServer({}, target);
    // A value that does not convert fails the run on both targets, where the peek reads it.
    const flow = peekFlow('TRUE');
    const bad = stage('high', 'derive', {
      columns: [{ name: 'bad', expression: "'x'", type: { name: 'integer' } }],
    });
    const runId = await runToEnd({
      ...flow,
      stages: flow.stages.map((s) => (s.id === 'high' ? bad : s)),
    });
    expect((await server.caller.run.byId({ runId })).state).toBe('failed');
    const error = await server.caller.run.peekRows({ runId, stageId: 'peek' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).message).toContain('only a peek of a run that succeeded');
  });

  it("describes a SQL query origin's columns from the target, with their types", async () => {
    server = await startTestServer({}, target);
    await runToEnd({
      schemaVersion: 1,
      stages: [
        stage('gen', 'row-generator', {
          rows: 3,
          seed: 1,
          columns: [
            { name: 'id', kind: 'sequence', start: 1, step: 1 },
            { name: 'day', kind: 'date', from: '2024-01-01', to: '2024-01-31' },
          ],
        }),
        stage('dest', 'table-destination', { table: 'days' }),
      ],
      links: [link('gen', 'dest')],
    });
    const document: FlowDocument = {
      schemaVersion: 1,
      stages: [
        stage('q', 'sql-query', { sql: 'SELECT id, day, id * 2 AS twice FROM days' }),
        stage('peek', 'peek', {}),
      ],
      links: [link('q', 'peek')],
    };
    const { columns, error } = await server.caller.data.describe({ document, stageId: 'q' });
    expect(error).toBeNull();
    expect(columns?.map((c) => c.name)).toEqual(['id', 'day', 'twice']);
    expect(columns?.[1]?.type).toBe('DATE');
    const runId = await runToEnd(document);
    const peek = await server.caller.run.peekRows({ runId, stageId: 'peek' });
    expect(peek.rows.map((row) => Number(row[2])).sort()).toEqual([2, 4, 6]);
  });
});
