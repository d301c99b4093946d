import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Diagnostic, FlowDocument } from '@sluice/flow';

import type { TestServer } from '../../test/harness';
import type { RunDetail } from '../runs/run-types';
import { cyclicFlow, paidOrdersFlow, S3_CREDENTIALS } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';
import { logger } from '../logger';

let server: TestServer;
beforeEach(async () => {
  // One DuckDB thread: a slow run's work takes as long on any machine (duckdb-target.ts).
  vi.stubEnv('SLUICE_TEST_DUCKDB_THREADS', '1');
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  vi.unstubAllEnvs();
});

async function savedFlow(name: string, document: FlowDocument): Promise<string> {
  return (await server.caller.flow.create({ name, document })).id;
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** Follows the run's event stream to its end, as the web app's subscription does. */
async function followRun(runId: string): Promise<RunDetail[]> {
  const snapshots: RunDetail[] = [];
  for await (const snapshot of await server.caller.run.events({ runId })) snapshots.push(snapshot);
  return snapshots;
}

describe('run router', () => {
  it('runs a sample flow to success, with rows per stage, a table and an exported file', async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    const { runId } = await server.caller.run.start({ flowId });
    const snapshots = await followRun(runId);
    const last = snapshots.at(-1);
    expect(last?.state).toBe('succeeded');

    const run = await server.caller.run.byId({ runId });
    expect(run).toMatchObject({ flowId, flowVersion: 1, state: 'succeeded' });
    expect(run.startedAt).toBeDefined();
    expect(run.finishedAt).toBeDefined();
    const byStage = new Map(run.stages.map((s) => [s.stageId, s]));
    expect([...byStage.values()].every((s) => s.state === 'succeeded')).toBe(true);
    const [{ paid }] = (await server.services.target.meta.query<{ paid: number }>(
      `SELECT count(*)::INTEGER AS paid FROM read_csv(?, header = true) WHERE status = 'paid'`,
      [join(server.dir, 'samples', 'orders.csv')],
    )) as [{ paid: number }];
    expect(paid).toBeGreaterThan(0);
    expect(byStage.get('paid')?.rows).toBe(paid);
    expect(byStage.get('table')?.sql).toContain('paid_orders');

    const [{ stored }] = (await server.services.target.meta.query<{ stored: number }>(
      'SELECT count(*)::INTEGER AS stored FROM main.paid_orders',
    )) as [{ stored: number }];
    expect(stored).toBe(paid);
    const exported = await readFile(join(server.config.exportsDir, 'paid.csv'), 'utf8');
    expect(exported.trim().split('\n')).toHaveLength(paid + 1);

    const list = await server.caller.run.list({ flowId });
    expect(list.map((r) => r.id)).toEqual([runId]);
    expect(list[0]?.stages.every((s) => s.sql === undefined)).toBe(true);
  });

  it('shows the files of a run by their stage:// form, never by the server folders', async () => {
    await writeFile(
      join(server.dir, 'samples', 'broken.csv'),
      'order_id,customer,country,amount,status,ordered_at\n1,Ann,DE,1.50,paid,2026-01-01\n2,Bob,FR\n',
    );
    await mkdir(join(server.dir, 'samples', 'sub'));
    await copyFile(
      join(server.dir, 'samples', 'orders.csv'),
      join(server.dir, 'samples', 'sub', 'orders.csv'),
    );
    await server.caller.externalStage.create({ name: 'nested', url: 'stage://samples/sub/' });
    const shown: string[] = [];
    const sources = [
      { path: 'orders.csv' },
      { path: 'broken.csv' },
      { externalStage: 'nested', path: 'orders.csv' },
    ];
    for (const [index, source] of sources.entries()) {
      const flowId = await savedFlow(`Flow ${String(index)}`, paidOrdersFlow(source));
      const { runId } = await server.caller.run.start({ flowId });
      const snapshots = await followRun(runId);
      for (const run of [...snapshots, await server.caller.run.byId({ runId })]) {
        shown.push(run.error ?? '', ...run.stages.flatMap((s) => [s.sql ?? '', s.error ?? '']));
      }
    }
    const all = shown.join('\n');
    expect(all).toContain("read_csv('stage://samples/orders.csv'");
    expect(all).toContain("'stage://exports/paid.csv");
    expect(all).toContain('stage://samples/broken.csv');
    expect(all).toContain("read_csv('stage://nested/orders.csv'");
    expect(all).not.toContain(server.dir);
  });

  it('fails a malformed CSV on its source naming the line, and writes nothing', async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    const first = await server.caller.run.start({ flowId });
    expect((await followRun(first.runId)).at(-1)?.state).toBe('succeeded');
    const count = async () =>
      (
        await server.services.target.meta.query<{ n: number }>(
          'SELECT count(*)::INTEGER AS n FROM main.paid_orders',
        )
      )[0]?.n;
    const before = await count();

    await writeFile(
      join(server.dir, 'samples', 'broken.csv'),
      'order_id,customer,country,amount,status,ordered_at\n1,Ann,DE,1.50,paid,2026-01-01\n2,Bob,FR\n',
    );
    const broken = await savedFlow('Broken', paidOrdersFlow({ path: 'broken.csv' }));
    const { runId } = await server.caller.run.start({ flowId: broken });
    expect((await followRun(runId)).at(-1)?.state).toBe('failed');
    const run = await server.caller.run.byId({ runId });
    const source = run.stages.find((s) => s.stageId === 'orders');
    expect(source?.state).toBe('failed');
    expect(source?.error).toContain('CSV Error on Line: 3');
    expect(run.stages.find((s) => s.stageId === 'table')?.state).toBe('skipped');
    expect(await count()).toBe(before);
  });

  it('refuses a filter that hides a query reading a file, before anything runs', async () => {
    // `(FROM …)` is DuckDB's FROM-first subquery; the engine's file sandbox is the second line of
    // defence (packages/engine/src/file-sandbox.test.ts).
    const condition = `(FROM read_csv('/etc/passwd', header = false)) > 0`;
    const flowId = await savedFlow('Snoop', paidOrdersFlow({ condition }));
    const error = await refusal(server.caller.run.start({ flowId }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('Subqueries are not allowed');
    expect(await server.caller.run.list({ flowId })).toEqual([]);
  });

  it("refuses a table destination in Sluice's own schema, leaving flows and runs as they were", async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    const { runId } = await server.caller.run.start({ flowId });
    expect((await followRun(runId)).at(-1)?.state).toBe('succeeded');

    const document = paidOrdersFlow();
    const table = document.stages.find((s) => s.id === 'table');
    if (table)
      table.config = { ...table.config, schema: 'Sluice', table: 'runs', mode: 'overwrite' };
    const wiperId = await savedFlow('Wiper', document);
    const error = await refusal(server.caller.run.start({ flowId: wiperId }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(`Schema "Sluice" holds Sluice's own tables`);
    const { diagnostics } = error.cause as unknown as { diagnostics: Diagnostic[] };
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'reserved-schema', stageId: 'table', path: ['schema'] }),
    );
    expect((await server.caller.run.list({ flowId })).map((r) => r.id)).toEqual([runId]);
    expect(await server.caller.run.list({ flowId: wiperId })).toEqual([]);
    expect((await server.caller.flow.list()).map((f) => f.name).sort()).toEqual([
      'Paid orders',
      'Wiper',
    ]);
  });

  it('refuses a filter that would sleep on DuckDB, before anything runs', async () => {
    const flowId = await savedFlow('Sleepy', paidOrdersFlow({ condition: 'pg_sleep(5) IS NULL' }));
    const error = await refusal(server.caller.run.start({ flowId }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('PG_SLEEP() is not allowed: on DuckDB it waits');
    expect(await server.caller.run.list({ flowId })).toEqual([]);
  });

  it('refuses to run a flow with a cycle, listing the diagnostics', async () => {
    const flowId = await savedFlow('Loop', cyclicFlow());
    const error = await refusal(server.caller.run.start({ flowId }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/cycle/);
    const { diagnostics } = error.cause as unknown as { diagnostics: { code: string }[] };
    expect(diagnostics.map((d) => d.code)).toContain('cycle');
    expect(await server.caller.run.list({ flowId })).toEqual([]);
  });

  it('refuses to run a flow reading a disabled external stage, and runs it once enabled again', async () => {
    const flowId = await savedFlow('Disabled stage', paidOrdersFlow());
    await server.caller.externalStage.setEnabled({ name: 'samples', enabled: false });
    const error = await refusal(server.caller.run.start({ flowId }));
    expect(error.code).toBe('BAD_REQUEST');
    const { diagnostics } = error.cause as unknown as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path, d.message])).toEqual([
      [
        'disabled-external-stage',
        'orders',
        ['externalStage'],
        'External stage "samples" is disabled: enable it on the External stages page, or pick another.',
      ],
    ]);
    expect(await server.caller.run.list({ flowId })).toEqual([]);
    await server.caller.externalStage.setEnabled({ name: 'samples', enabled: true });
    const { runId } = await server.caller.run.start({ flowId });
    expect((await followRun(runId)).at(-1)?.state).toBe('succeeded');
  });

  it('refuses to run when a source file is missing, naming the stage', async () => {
    const flowId = await savedFlow('Missing file', paidOrdersFlow({ path: 'nope.csv' }));
    const error = await refusal(server.caller.run.start({ flowId }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'Stage "orders": stage://samples/nope.csv does not exist. Check the file name against ' +
        "the external stage's files on the External stages page, or change the path.",
    );
  });

  it('refuses to run when the columns of a source file cannot be read, with the reason', async () => {
    await writeFile(join(server.dir, 'samples', 'empty.csv'), '');
    const bytes = Array.from({ length: 4096 }, (_, i) => i % 256);
    await writeFile(join(server.dir, 'samples', 'noise.csv'), Buffer.from(bytes));
    const empty = await savedFlow('Empty', paidOrdersFlow({ path: 'empty.csv' }));
    const error = await refusal(server.caller.run.start({ flowId: empty }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(
      /^Stage "orders": could not read the columns of stage:\/\/samples\/empty.csv: Invalid Input Error: CSV Sniffer/,
    );
    const { diagnostics } = error.cause as unknown as { diagnostics: unknown[] };
    expect(diagnostics).toEqual([
      expect.objectContaining({ stageId: 'orders', path: ['columns'], severity: 'error' }),
    ]);
    const noise = await savedFlow('Noise', paidOrdersFlow({ path: 'noise.csv' }));
    const noisy = await refusal(server.caller.run.start({ flowId: noise }));
    expect(noisy.message).toMatch(
      /^Stage "orders": could not read the columns of stage:\/\/samples\/noise.csv: /,
    );
    expect(noisy.message).toContain('Error when sniffing file "stage://samples/noise.csv"');
    expect(noisy.message).not.toContain(server.dir);
    expect(await server.caller.run.list({ flowId: noise })).toEqual([]);
  });

  it('refuses to run with an unknown external stage', async () => {
    const flowId = await savedFlow('Unknown', paidOrdersFlow({ externalStage: 'nowhere' }));
    const error = await refusal(server.caller.run.start({ flowId }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/External stage "nowhere" does not exist/);
  });

  it("keeps each stage's SQL and a table's total with the run across a restart", async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    const { runId } = await server.caller.run.start({ flowId });
    expect((await followRun(runId)).at(-1)?.state).toBe('succeeded');
    server = await server.restart();
    const run = await server.caller.run.byId({ runId });
    const table = run.stages.find((s) => s.stageId === 'table');
    expect(table?.sql).toContain('paid_orders');
    expect(table?.tableRows).toBe(table?.rows);
    expect(run.stages.every((s) => s.sql !== undefined)).toBe(true);
  });

  it('drops the staging a stopped server left behind on restart, saying so', async () => {
    const { meta } = server.services.target;
    await meta.run('CREATE TABLE main.__sluice_deadbeef_orders (id INTEGER)');
    await meta.run(
      'CREATE VIEW main.__sluice_deadbeef_paid AS SELECT * FROM main.__sluice_deadbeef_orders',
    );
    await meta.run('CREATE TABLE main.orders_archive (id INTEGER)');
    // A temporary export of the dead run, in a subfolder of the exports external stage.
    const temp = join(server.config.exportsDir, 'sub', 'paid.csv.sluice-deadbeef-export.tmp');
    await mkdir(join(server.config.exportsDir, 'sub'), { recursive: true });
    await writeFile(temp, 'order_id\n1\n');
    await writeFile(join(server.config.exportsDir, 'paid.csv'), 'order_id\n1\n');
    const info = vi.spyOn(logger, 'info');
    try {
      server = await server.restart();
      const logged = info.mock.calls.map(([line]) => line).join('\n');
      expect(logged).toContain('Dropped main.__sluice_deadbeef_orders');
      expect(logged).toContain('Dropped main.__sluice_deadbeef_paid');
      expect(logged).toContain(`Dropped ${temp}`);
    } finally {
      info.mockRestore();
    }
    expect(await readdir(server.config.exportsDir, { recursive: true })).toEqual(
      expect.not.arrayContaining([join('sub', 'paid.csv.sluice-deadbeef-export.tmp')]),
    );
    expect(await readFile(join(server.config.exportsDir, 'paid.csv'), 'utf8')).toBe(
      'order_id\n1\n',
    );
    const left = await server.services.target.meta.query<{ name: string }>(
      "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal",
    );
    expect(left.map((row) => row.name)).toEqual(['orders_archive']);
  });

  it('marks runs left running by a stopped server as interrupted on restart', async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    await server.services.runs.create({
      id: 'left-running',
      flowId,
      flowVersion: 1,
      startedBy: 'api',
      stages: [{ stageId: 'orders', label: 'orders', type: 'file-source' }],
    });
    await server.services.runs.markRunning('left-running');
    server = await server.restart();
    const run = await server.caller.run.byId({ runId: 'left-running' });
    expect(run.state).toBe('interrupted');
    expect(run.stages[0]?.state).toBe('skipped');
  });

  it('starts one run when the same flow is started twice at once', async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    const [first, second] = await Promise.allSettled([
      server.caller.run.start({ flowId }),
      server.caller.run.start({ flowId }),
    ]);
    expect(first.status).toBe('fulfilled');
    const runId = first.status === 'fulfilled' ? first.value.runId : '';
    expect(second.status).toBe('rejected');
    const refused: unknown = second.status === 'rejected' ? second.reason : undefined;
    expect(refused).toBeInstanceOf(TRPCError);
    if (!(refused instanceof TRPCError)) return;
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `This flow is already running (run ${runId}). Wait for it or cancel it.`,
    );
    expect((await followRun(runId)).at(-1)?.state).toBe('succeeded');
    expect((await server.caller.run.list({ flowId })).map((r) => r.id)).toEqual([runId]);
    const again = await server.caller.run.start({ flowId });
    expect((await followRun(again.runId)).at(-1)?.state).toBe('succeeded');
  });

  it('never both starts and deletes a flow asked for both at once', async () => {
    const flowId = await savedFlow('Paid orders', paidOrdersFlow());
    const [started, deleted] = await Promise.allSettled([
      server.caller.run.start({ flowId }),
      server.caller.flow.delete({ id: flowId }),
    ]);
    expect([started.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
    if (started.status === 'fulfilled') {
      expect((await followRun(started.value.runId)).at(-1)?.state).toBe('succeeded');
      expect((await server.caller.flow.byId({ id: flowId })).id).toBe(flowId);
    } else {
      expect((await refusal(server.caller.flow.byId({ id: flowId }))).code).toBe('NOT_FOUND');
    }
  });

  it('answers NOT_FOUND for a run that does not exist', async () => {
    const error = await refusal(server.caller.run.byId({ runId: 'missing' }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

/** Edits one stage's config in a flow document. */
function withConfig(
  document: FlowDocument,
  stageId: string,
  config: Record<string, unknown>,
): FlowDocument {
  return {
    ...document,
    stages: document.stages.map((s) =>
      s.id === stageId ? { ...s, config: { ...s.config, ...config } } : s,
    ),
  };
}

/**
 * Starts flow "Big" (paid orders of a million rows, exported to `exportPath` of `exports`) and
 * returns once a stage is running. About 0.1 ms of work per row (edit distance of two
 * ~200-character texts) on the one thread DuckDB has here: a minute or more for the million rows
 * on any machine, so the run is still going when the test acts, while each chunk of 2048 rows
 * stays well under a second, so a cancel takes effect quickly.
 */
async function startSlowRun(exportPath = 'paid.csv'): Promise<{ flowId: string; runId: string }> {
  const big = join(server.dir, 'samples', 'big.csv');
  await server.services.target.meta.run(
    `COPY (SELECT i AS order_id, 'paid' AS status, i * 1.5 AS amount FROM range(1000000) t(i))
     TO '${big.replaceAll("'", "''")}' (HEADER)`,
  );
  const condition = `levenshtein(repeat(status, 60), repeat('pad', 60)) >= 0`;
  const document = withConfig(paidOrdersFlow({ path: 'big.csv', condition }), 'export', {
    path: exportPath,
  });
  const flowId = await savedFlow('Big', document);
  const { runId } = await server.caller.run.start({ flowId });
  for await (const snapshot of await server.caller.run.events({ runId })) {
    if (snapshot.stages.some((s) => s.state === 'running')) break;
  }
  return { flowId, runId };
}

describe('run cancel', () => {
  it('interrupts a running run, leaving no destination table behind', async () => {
    const { flowId, runId } = await startSlowRun();
    const deleting = await refusal(server.caller.flow.delete({ id: flowId }));
    expect(deleting.code).toBe('CONFLICT');

    expect(await server.caller.run.cancel({ runId })).toEqual({ ok: true });
    // Cancel waits only briefly for the statement to stop; the run's end is what counts here.
    expect((await followRun(runId)).at(-1)?.state).toBe('cancelled');
    const run = await server.caller.run.byId({ runId });
    expect(run.state).toBe('cancelled');
    // The stages of the statement running when the cancel landed say so (the file is read
    // inside the filter's); the stages after it never started.
    const cancelled = run.stages.filter((s) => s.state === 'cancelled').map((s) => s.stageId);
    expect(cancelled.sort()).toEqual(['orders', 'paid']);
    expect(run.stages.find((s) => s.stageId === 'table')?.state).toBe('skipped');
    expect(run.stages.some((s) => s.state === 'succeeded' && s.stageId === 'table')).toBe(false);
    const tables = await server.services.target.meta.query(
      `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'paid_orders'`,
    );
    expect(tables).toEqual([]);
  });

  it('refuses a run of another flow writing a table a running run writes', async () => {
    const { runId } = await startSlowRun();
    const otherId = await savedFlow('Paid orders', paidOrdersFlow());
    const refused = await refusal(server.caller.run.start({ flowId: otherId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `The table "paid_orders" is being written by a run of flow "Big" (run ${runId}). Wait for it to end or cancel it, then run again.`,
    );
    await server.caller.run.cancel({ runId });
    await followRun(runId);
    const { runId: next } = await server.caller.run.start({ flowId: otherId });
    expect((await followRun(next)).at(-1)?.state).toBe('succeeded');
  });
});

describe('export files claimed by the file they write', () => {
  /** A flow writing table `other` and file `path` of external stage `stage`. */
  const writing = (stage: string, path: string) =>
    withConfig(withConfig(paidOrdersFlow(), 'table', { table: 'other' }), 'export', {
      externalStage: stage,
      path,
    });

  it('refuses a second external stage on the same folder writing the file a run writes', async () => {
    const { runId } = await startSlowRun();
    await server.caller.externalStage.create({
      name: 'exports_too',
      url: pathToFileURL(server.config.exportsDir).href,
    });
    const flowId = await savedFlow('Twin', writing('exports_too', 'paid.csv'));
    const refused = await refusal(server.caller.run.start({ flowId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `The file "paid.csv" of external stage "exports_too" is being written by a run of flow "Big" (run ${runId}). Wait for it to end or cancel it, then run again.`,
    );
    await server.caller.run.cancel({ runId });
    await followRun(runId);
  });

  it('refuses a sub-stage writing the file a run writes through its parent', async () => {
    const { runId } = await startSlowRun('sub/out.csv');
    await server.caller.externalStage.create({ name: 'sub', url: 'stage://exports/sub/' });
    const flowId = await savedFlow('Sub', writing('sub', 'out.csv'));
    const refused = await refusal(server.caller.run.start({ flowId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(
      'The file "out.csv" of external stage "sub" is being written',
    );
    await server.caller.run.cancel({ runId });
    await followRun(runId);
  });
});

describe('runs through external stages of other kinds', () => {
  it('runs a flow reading a stage:// sub-stage from its parent folder', async () => {
    await mkdir(join(server.dir, 'samples', 'in'), { recursive: true });
    await copyFile(
      join(server.dir, 'samples', 'orders.csv'),
      join(server.dir, 'samples', 'in', 'o.csv'),
    );
    await server.caller.externalStage.create({ name: 'inbox', url: 'stage://samples/in/' });
    const flowId = await savedFlow(
      'Inbox',
      paidOrdersFlow({ externalStage: 'inbox', path: 'o.csv' }),
    );
    const { runId } = await server.caller.run.start({ flowId });
    expect((await followRun(runId)).at(-1)?.state).toBe('succeeded');
  });

  it('refuses a flow reading an s3:// external stage on DuckDB, saying only MatrixOne reads it', async () => {
    const keyed = await startTestServer({ SLUICE_SECRET_KEY: 'k'.repeat(32) });
    try {
      await keyed.caller.externalStage.create({
        name: 'lake',
        url: 's3://bucket/in/',
        credentials: S3_CREDENTIALS,
      });
      const { id: flowId } = await keyed.caller.flow.create({
        name: 'From S3',
        document: paidOrdersFlow({ externalStage: 'lake', path: 'orders.csv' }),
      });
      const error = await refusal(keyed.caller.run.start({ flowId }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('only MatrixOne reads S3 external stages here');
      expect(await keyed.caller.run.list({ flowId })).toEqual([]);

      // The editor knows before any run: the list says where files live, the preview marks it.
      await keyed.caller.externalStage.create({ name: 'lake-in', url: 'stage://lake/2024/' });
      const listed = await keyed.caller.externalStage.list();
      expect(listed.map((stage) => [stage.name, stage.onS3])).toEqual([
        ['exports', false],
        ['lake', true],
        ['lake-in', true],
        ['samples', false],
      ]);
      const preview = await keyed.caller.compile.preview({
        document: paidOrdersFlow({ externalStage: 'lake-in', path: 'orders.csv' }),
      });
      expect(preview.diagnostics).toContainEqual(
        expect.objectContaining({
          code: 'unsupported-on-target',
          stageId: 'orders',
          path: ['externalStage'],
        }),
      );
    } finally {
      await keyed.close();
    }
  });
});
