/**
 * Names that must be unique stay unique when many clients ask for one at once, on a temporary
 * DuckDB file and on the test MariaDB: the database decides, and every loser gets a CONFLICT.
 */
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { TestServer, TestTarget } from './harness';
import { startTestServer } from './harness';

/** The tRPC codes of the failures among `results`, sorted. */
function failureCodes(results: PromiseSettledResult<unknown>[]): string[] {
  return results
    .filter((result) => result.status === 'rejected')
    .map((result) => {
      const reason: unknown = result.reason;
      return reason instanceof TRPCError ? reason.code : String(reason);
    })
    .sort();
}

describe.each<TestTarget>(['duckdb', 'mariadb'])(
  'unique names under concurrency on %s',
  (target) => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer({}, target);
    });
    afterEach(async () => {
      await server.close();
    });

    it('creates exactly one of 20 concurrent flows with one name; the rest get CONFLICT', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => server.caller.flow.create({ name: 'Orders' })),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(failureCodes(results)).toEqual(Array.from({ length: 19 }, () => 'CONFLICT'));
      const rejected = results.find((result) => result.status === 'rejected');
      expect(rejected?.status === 'rejected' && String(rejected.reason)).toMatch(
        /A flow named "Orders" already exists; choose another name\./,
      );
      const named = (await server.caller.flow.list()).filter((flow) => flow.name === 'Orders');
      expect(named).toHaveLength(1);
    });

    it('gives one name to exactly one of 10 flows renamed to it at once', async () => {
      const flows = await Promise.all(
        Array.from({ length: 10 }, (_, i) => server.caller.flow.create({ name: `Flow ${i}` })),
      );
      const results = await Promise.allSettled(
        flows.map((flow) => server.caller.flow.rename({ id: flow.id, name: 'Paid orders' })),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(failureCodes(results)).toEqual(Array.from({ length: 9 }, () => 'CONFLICT'));
      const list = await server.caller.flow.list();
      expect(list.filter((flow) => flow.name.toLowerCase() === 'paid orders')).toHaveLength(1);
      expect(list).toHaveLength(10);
    });

    it('refuses a save-as copy under a name taken in another case, with CONFLICT', async () => {
      const flow = await server.caller.flow.create({ name: 'Shared' });
      const copying = server.caller.flow.saveAs({ name: 'SHARED', document: flow.document });
      await expect(copying).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'A flow named "SHARED" already exists; choose another name.',
      });
      const renamed = await server.caller.flow.rename({ id: flow.id, name: 'SHARED' });
      expect(renamed.name).toBe('SHARED');
    });

    it('creates exactly one of 10 concurrent external stages with one name', async () => {
      const folder = server.config.fileRoots[1] ?? '';
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          server.caller.externalStage.create({ name: 'landing', url: `file://${folder}` }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(failureCodes(results)).toEqual(Array.from({ length: 9 }, () => 'CONFLICT'));
      const stages = await server.caller.externalStage.list();
      expect(stages.filter((stage) => stage.name === 'landing')).toHaveLength(1);
    });
  },
);
