import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';

import type { TestServer, TestTarget } from '../../test/harness';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';

/**
 * `data.preview` on a real DuckDB file and a real MariaDB: an unsaved document's filter shows
 * its rows from a sample of the file, and no destination table, export file or staging object is
 * created or changed; problems land on the stage that caused them.
 */
let server: TestServer;
afterEach(async () => {
  await server.close();
});

/** Every table the target lists (staging included on DuckDB's catalogue) and every export file. */
async function everything(): Promise<unknown> {
  const { target } = server.services;
  const tables = await target.listTables();
  const { database } = server.config;
  const staging =
    database.kind === 'duckdb'
      ? await target.meta.query(
          "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '__sluice_') UNION ALL SELECT view_name FROM duckdb_views() WHERE starts_with(view_name, '__sluice_')",
        )
      : await target.meta.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND LEFT(table_name, 9) = '__sluice_'",
          [database.database],
        );
  const dir = server.config.exportsDir;
  const files = await readdir(dir);
  const contents = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  return { tables, staging, files: Object.fromEntries(files.map((f, i) => [f, contents[i]])) };
}

describe.each<TestTarget>(['duckdb', 'mariadb'])('data router on %s', (target) => {
  it('previews a filter of an unsaved flow from a sample, and creates or changes nothing', async () => {
    server = await startTestServer({}, target);
    const before = await everything();
    const result = await server.caller.data.preview({
      document: paidOrdersFlow(),
      stageId: 'paid',
    });
    expect(result.state).toBe('succeeded');
    if (result.state !== 'succeeded') return;
    expect(result.columns.map((c) => c.name)).toEqual([
      'order_id',
      'customer',
      'country',
      'amount',
      'status',
      'ordered_at',
    ]);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((row) => row[4] === 'paid')).toBe(true);
    expect(result.rows[1]?.[1]).toBe('Jean "JJ" Dupont');
    expect(result.sources).toEqual([{ stageId: 'orders', rows: 100 }]);
    expect(result.sampleRows).toBe(10_000);
    expect(await everything()).toEqual(before);
  });

  it('describes the columns only the target can tell with a zero-row query, creating nothing', async () => {
    server = await startTestServer({}, target);
    const flow = paidOrdersFlow();
    const document = {
      ...flow,
      stages: flow.stages.map((s) =>
        s.id === 'paid'
          ? { ...s, type: 'sql-transform', config: { sql: 'SELECT order_id, amount * 2 FROM a' } }
          : s,
      ),
      links: flow.links.map((l) =>
        l.target.stageId === 'paid' ? { ...l, target: { stageId: 'paid', port: 'a' } } : l,
      ),
    };
    const before = await everything();
    const { columns, error } = await server.caller.data.describe({ document, stageId: 'paid' });
    expect(error).toBeNull();
    expect(columns?.[0]).toEqual({ name: 'order_id', type: 'BIGINT' });
    expect(columns).toHaveLength(2);
    expect(columns?.[1]?.name).toContain('amount');
    expect(await everything()).toEqual(before);
  });

  it('answers a failing statement on the stage that caused it, with the database’s message', async () => {
    server = await startTestServer({}, target);
    const condition = target === 'duckdb' ? 'CAST(customer AS INTEGER) > 0' : 'amount / 0 > 0';
    const before = await everything();
    const result = await server.caller.data.preview({
      document: paidOrdersFlow({ condition }),
      stageId: 'table',
    });
    expect(result).toMatchObject({ state: 'failed', stageId: 'paid' });
    expect(await everything()).toEqual(before);
  });
});

describe('data router refusals', () => {
  it('refuses a stage whose upstream has errors, with the diagnostics, but not for others’ errors', async () => {
    server = await startTestServer();
    const doc = paidOrdersFlow({ condition: 'no_such_column > 1' });
    const error = await server.caller.data
      .preview({ document: doc, stageId: 'paid' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/no_such_column/);
    const fine = await server.caller.data.preview({ document: doc, stageId: 'orders' });
    expect(fine.state).toBe('succeeded');
  });
});
