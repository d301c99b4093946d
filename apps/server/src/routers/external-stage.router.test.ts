import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { TestServer } from '../../test/harness';
import { startTestServer } from '../../test/harness';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const folderUrl = (dir: string): string => `${pathToFileURL(dir).href}/`;

describe('external stage router', () => {
  it('seeds samples and exports on a new database', async () => {
    const names = (await server.caller.externalStage.list()).map((s) => s.name);
    expect(names).toEqual(['exports', 'samples']);
  });

  it('creates, updates, lists files of and deletes an external stage inside the roots', async () => {
    const { caller } = server;
    const dir = join(server.config.dataDir, 'files', 'landing');
    await mkdir(join(dir, 'in'), { recursive: true });
    await writeFile(join(dir, 'in', 'a.csv'), 'id\n1\n');
    const created = await caller.externalStage.create({ name: 'landing', url: folderUrl(dir) });
    expect(created).toMatchObject({ name: 'landing', comment: '' });

    const updated = await caller.externalStage.update({ name: 'landing', comment: 'Drop zone' });
    expect(updated).toMatchObject({ url: created.url, comment: 'Drop zone' });
    const files = await caller.externalStage.files({ name: 'landing' });
    expect(files.map((f) => f.path)).toEqual(['in/a.csv']);

    const duplicate = await failure(
      caller.externalStage.create({ name: 'landing', url: created.url }),
    );
    expect(duplicate.code).toBe('CONFLICT');
    expect(await caller.externalStage.delete({ name: 'landing' })).toEqual({ ok: true });
    const gone = await failure(caller.externalStage.files({ name: 'landing' }));
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('refuses a folder outside the allowed roots with the engine message', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'sluice-outside-'));
    try {
      const error = await failure(
        server.caller.externalStage.create({ name: 'escape', url: folderUrl(outside) }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/outside the folders Sluice may use/);
      expect((await server.caller.externalStage.list()).map((s) => s.name)).not.toContain('escape');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses names that cannot appear in stage:// references', async () => {
    const error = await failure(
      server.caller.externalStage.create({ name: 'my stage', url: 'file:///tmp/' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('detects the columns of a sample file', async () => {
    const { columns } = await server.caller.externalStage.detectColumns({
      externalStage: 'samples',
      path: 'orders.csv',
      format: {
        header: true,
        delimiter: ',',
        quote: '"',
        escape: '"',
        skipLines: 0,
        nullString: '',
      },
    });
    expect(columns.map((c) => c.name)).toEqual([
      'order_id',
      'customer',
      'country',
      'amount',
      'status',
      'ordered_at',
    ]);
  });
});
