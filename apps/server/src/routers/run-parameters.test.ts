/**
 * Runs of a parameterised flow through the API, on DuckDB and on MariaDB: the values chosen
 * reach the file path, the condition and the table name, are stored with the run, and values
 * that do not fit are refused naming the parameter. The flow is the README's example.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument, ParameterInput } from '@sluice/flow';
import { FlowDocumentSchema } from '@sluice/flow';

import type { TestServer, TestTarget } from '../../test/harness';
import { startTestServer } from '../../test/harness';
import { trpcFailure } from '../../test/trpc-failure';

const monthly = async (): Promise<FlowDocument> =>
  FlowDocumentSchema.parse(
    JSON.parse(
      await readFile(
        new URL('../../../../samples/orders-by-month.flow.json', import.meta.url),
        'utf8',
      ),
    ),
  );

describe.each<TestTarget>(['duckdb', 'mariadb'])('parameterised runs on %s', (target) => {
  let server: TestServer;
  let flowId: string;
  beforeAll(async () => {
    server = await startTestServer({}, target);
    ({ id: flowId } = await server.caller.flow.create({
      name: 'Orders by month',
      document: await monthly(),
    }));
  });
  afterAll(async () => {
    await server.close();
  });

  const run = async (parameters?: Record<string, ParameterInput>, id = flowId) => {
    const { runId } = await server.caller.run.start({
      flowId: id,
      ...(parameters === undefined ? {} : { parameters }),
    });
    for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
    return server.caller.run.byId({ runId });
  };

  /** The order ids of the month's file the test reads itself, kept as the filter keeps them. */
  const expectedIds = async (month: string, since: string, minAmount: number) => {
    const text = await readFile(join(server.dir, 'samples', `orders-${month}.csv`), 'utf8');
    return text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((f) => (f[5] ?? '') >= since && Number(f[3]) >= minAmount)
      .map((f) => Number(f[0]));
  };

  const table = (name: string) => {
    const { dialect } = server.services.target.profile;
    const location = server.config.database;
    const schema = location.kind === 'duckdb' ? 'main' : location.database;
    const quote = (part: string) => (dialect === 'duckdb' ? `"${part}"` : `\`${part}\``);
    return `${quote(schema)}.${quote(name)}`;
  };

  const idsIn = async (name: string) =>
    (
      await server.services.target.meta.query<{ order_id: unknown }>(
        `SELECT order_id FROM ${table(name)} ORDER BY order_id`,
      )
    ).map((row) => Number(row.order_id));

  it('runs with the defaults and stores the values it took', async () => {
    const done = await run();
    expect(done.state).toBe('succeeded');
    expect(done.parameters).toEqual({ month: '2026-11', since: '2026-10-20', min_amount: '150' });
    const ids = await expectedIds('2026-11', '2026-10-20', 150);
    expect(ids.length).toBeGreaterThan(0);
    expect(await idsIn('orders_2026-11')).toEqual(ids);
  });

  it('runs with chosen values, in the path, the condition and the table name', async () => {
    const values = { since: '2026-11-10', min_amount: 300 };
    const done = await run(values);
    expect(done.state).toBe('succeeded');
    expect(done.parameters).toEqual({ month: '2026-11', since: '2026-11-10', min_amount: '300' });
    const ids = await expectedIds('2026-11', '2026-11-10', 300);
    expect(await idsIn('orders_2026-11')).toEqual(ids);
    const [latest] = await server.caller.run.list({ flowId });
    expect(latest?.parameters).toEqual(done.parameters);
    const sql = done.stages.map((stage) => stage.sql ?? '').join('\n');
    expect(sql).toContain("DATE '2026-11-10'");
  });

  it('runs a re-run with the values of the run it repeats', async () => {
    const [latest] = await server.caller.run.list({ flowId });
    const { runId } = await server.caller.run.rerun({ runId: latest?.id ?? '' });
    for await (const snapshot of await server.caller.run.events({ runId })) void snapshot;
    expect((await server.caller.run.byId({ runId })).parameters).toEqual(latest?.parameters);
  });

  it('refuses a value that does not fit, and an unknown parameter, naming each', async () => {
    const wrong = await trpcFailure(run({ since: '2026-13-01' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.message).toBe(
      'Parameter "since" (date): Expected a date written YYYY-MM-DD, not "2026-13-01".',
    );
    const unknown = await trpcFailure(run({ day: '2026-01-01' }));
    expect(unknown.message).toContain('The flow has no parameter "day"');
    expect(await server.caller.run.list({ flowId })).toHaveLength(3);
  });

  it('passes hostile text to the database as one literal', async () => {
    const doc = await monthly();
    const { id } = await server.caller.flow.create({
      name: 'Orders of one customer',
      document: {
        ...doc,
        parameters: [{ name: 'who', type: 'string', default: '' }],
        stages: doc.stages.map((s) =>
          s.id === 'recent'
            ? { ...s, config: { condition: 'customer = ${who}' } }
            : s.id === 'orders'
              ? { ...s, config: { ...s.config, path: 'orders-2026-11.csv' } }
              : { ...s, config: { ...s.config, table: 'one_customer' } },
        ),
      },
    });
    expect((await run({ who: 'Jean "JJ" Dupont' }, id)).state).toBe('succeeded');
    expect(await idsIn('one_customer')).toEqual([5, 106]);
    for (const who of [
      "Renée O'Neil",
      "x' OR '1'='1",
      "\\' OR 1=1 -- ",
      '*/ ; DROP TABLE one_customer; --',
    ]) {
      expect((await run({ who }, id)).state).toBe('succeeded');
      expect(await idsIn('one_customer')).toEqual(who.startsWith('Ren') ? [103, 117] : []);
    }
  });
});
