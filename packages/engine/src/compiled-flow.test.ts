import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { FlowDocument, Stage } from '@sluice/flow';
import type { FileRef } from '@sluice/stages';
import { analyzeFlow, compileFlow, fileRefs } from '@sluice/compiler';
import { getStage } from '@sluice/stages';

import type { DuckDbClient } from './duckdb/duckdb-client';
import type { RunEvent } from './run-events';
import { DUCKDB } from '../test/profiles';
import { DuckDbDatabase } from './duckdb/duckdb-client';
import { resolveExternalFile } from './external-files';
import { runPlan } from './run-plan';

/** The engine with the real compiler: files resolved under a root, as the server does it. */
let root: string;
let database: DuckDbDatabase;
let client: DuckDbClient;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-e2e-')));
  await mkdir(join(root, 'landing'));
  await mkdir(join(root, 'exports'));
  database = await DuckDbDatabase.open(':memory:', { allowedDirectories: [root] });
  client = await database.connect();
});

afterEach(async () => {
  database.close();
  await rm(root, { recursive: true, force: true });
});

function stage(id: string, type: string, config: Record<string, unknown>): Stage {
  const defaults = getStage(type)?.defaults ?? {};
  const position = { x: 0, y: 0 };
  return { id, type, typeVersion: 1, label: id, position, config: { ...defaults, ...config } };
}

const link = (id: string, from: string, to: string) => ({
  id,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port: 'in' },
});

const ordersFlow: FlowDocument = {
  schemaVersion: 1,
  stages: [
    stage('src', 'file-source', {
      externalStage: 'landing',
      path: 'in/orders.csv',
      columns: [
        { name: 'id', type: 'BIGINT' },
        { name: 'amount', type: 'DOUBLE' },
      ],
    }),
    stage('big', 'filter', { condition: 'amount > 10' }),
    stage('dest', 'table-destination', { table: 'big_orders', mode: 'overwrite' }),
    stage('out', 'file-export', { externalStage: 'exports', path: 'daily/big.csv' }),
  ],
  links: [link('l1', 'src', 'big'), link('l2', 'big', 'dest'), link('l3', 'big', 'out')],
};

/** Resolves every file of the flow up front, since the compiler's resolver is synchronous. */
async function resolveFiles(doc: FlowDocument): Promise<(ref: FileRef) => string> {
  const resolved = new Map<string, string>();
  for (const { ref, mode } of fileRefs(analyzeFlow(doc))) {
    const url = pathToFileURL(join(root, ref.externalStage)).href;
    const local = await resolveExternalFile({ url, path: ref.path, mode, allowedRoots: [root] });
    resolved.set(`${ref.externalStage}/${ref.path}`, local);
  }
  return (ref) => resolved.get(`${ref.externalStage}/${ref.path}`) ?? '';
}

describe('a compiled flow run by the engine', () => {
  it('loads, filters, writes the table and exports the file', async () => {
    await mkdir(join(root, 'landing', 'in'));
    await writeFile(join(root, 'landing', 'in', 'orders.csv'), 'id,amount\n1,5\n2,15\n3,25\n');
    const resolveFile = await resolveFiles(ordersFlow);
    const { plan, diagnostics } = compileFlow(analyzeFlow(ordersFlow), {
      target: DUCKDB,
      runTag: 'e2e1',
      resolveFile,
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!plan) throw new Error('The flow did not compile.');
    const events: RunEvent[] = [];
    const outcome = await runPlan(client, plan, { onEvent: (e) => events.push(e) });
    expect(outcome).toEqual({ state: 'succeeded' });
    const rows = Object.fromEntries(
      events.filter((e) => e.state === 'succeeded').map((e) => [e.stageId, e.rows]),
    );
    // The file is read inside the statement that stages the filter (read by two sinks): its
    // three rows come from DuckDB's profile of that statement, the filter's two from its count.
    expect(rows).toEqual({ src: 3, big: 2, dest: 2, out: 2 });
    expect(await client.query('SELECT * FROM big_orders ORDER BY id')).toEqual([
      { id: 2, amount: 15 },
      { id: 3, amount: 25 },
    ]);
    const exported = await readFile(join(root, 'exports', 'daily', 'big.csv'), 'utf8');
    expect(exported.trim().split('\n')).toHaveLength(3);
    const staging = await client.query(
      "SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%e2e1%'" +
        " UNION ALL SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%e2e1%'",
    );
    expect(staging).toEqual([]);
  });
});
