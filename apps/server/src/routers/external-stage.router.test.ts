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

const CSV = { header: true, delimiter: ',', quote: '"', escape: '"', skipLines: 0, nullString: '' };

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

  it('takes the names and CSV options that stage configs take, by the same rules', async () => {
    const { caller } = server;
    const blank = await failure(caller.externalStage.create({ name: '   ', url: 'file:///x/' }));
    expect(blank.code).toBe('BAD_REQUEST');
    const url = folderUrl(server.config.samplesDir);
    await caller.externalStage.create({ name: 'Sample copy', url });
    const format = { ...CSV, delimiter: ';', quote: ';' };
    const clash = await failure(
      caller.externalStage.detectColumns({
        externalStage: 'Sample copy',
        path: 'orders.csv',
        format,
      }),
    );
    expect(clash.code).toBe('BAD_REQUEST');
    expect(clash.message).toContain('The quote character must differ from the delimiter.');
    const twoChars = { ...CSV, delimiter: ',,' };
    const long = await failure(
      caller.externalStage.detectColumns({
        externalStage: 'Sample copy',
        path: 'orders.csv',
        format: twoChars,
      }),
    );
    expect(long.message).toContain('Enter exactly one character.');
    const { columns } = await caller.externalStage.detectColumns({
      externalStage: 'Sample copy',
      path: 'orders.csv',
      format: CSV,
    });
    expect(columns[0]?.name).toBe('order_id');
  });

  it('detects the columns of a sample file', async () => {
    const { columns } = await server.caller.externalStage.detectColumns({
      externalStage: 'samples',
      path: 'orders.csv',
      format: CSV,
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
