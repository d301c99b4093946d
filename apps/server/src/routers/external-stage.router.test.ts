import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
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

  it('detects the columns of a gzip CSV and of gzip JSON lines named so', async () => {
    const dir = join(server.config.dataDir, 'files', 'packed');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.data'), gzipSync('id,name\n1,Ann\n'));
    await writeFile(join(dir, 'b.data'), gzipSync('{"id": 1, "name": "Ann"}\n'));
    await server.caller.externalStage.create({ name: 'packed', url: folderUrl(dir) });
    const detect = (
      path: string,
      format: Parameters<typeof server.caller.externalStage.detectColumns>[0]['format'],
    ) => server.caller.externalStage.detectColumns({ externalStage: 'packed', path, format });
    const csv = await detect('a.data', { ...CSV, compression: 'gzip' });
    const jsonl = await detect('b.data', { kind: 'jsonl', compression: 'gzip' });
    expect(csv.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
    ]);
    expect(jsonl.columns).toEqual(csv.columns);
  });

  it('turns a stage off and on again, and says only MatrixOne has stages of its own', async () => {
    const { caller } = server;
    expect(
      await caller.externalStage.setEnabled({ name: 'samples', enabled: false }),
    ).toMatchObject({
      name: 'samples',
      enabled: false,
    });
    const listed = await caller.externalStage.list();
    expect(listed.map((s) => [s.name, s.enabled])).toEqual([
      ['exports', true],
      ['samples', false],
    ]);
    await caller.externalStage.setEnabled({ name: 'samples', enabled: true });
    expect((await caller.externalStage.list()).every((s) => s.enabled)).toBe(true);
    const missing = await failure(
      caller.externalStage.setEnabled({ name: 'nope', enabled: false }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    const serverStages = await failure(caller.externalStage.serverStages());
    expect(serverStages.code).toBe('BAD_REQUEST');
    expect(serverStages.message).toBe(
      'Only a MatrixOne server has stages of its own; here external stages live in Sluice only.',
    );
  });

  it('names a file it cannot detect by its stage:// form, never by the server folder', async () => {
    const detect = (path: string) =>
      failure(
        server.caller.externalStage.detectColumns({ externalStage: 'samples', path, format: CSV }),
      );
    await mkdir(join(server.config.samplesDir, 'sub'));
    await writeFile(join(server.config.samplesDir, 'sub', 'empty.csv'), '');
    const missing = await detect('nope.csv');
    expect(missing.message).toBe(
      "stage://samples/nope.csv does not exist. Check the file name against the external stage's files on the External stages page, or change the path.",
    );
    const empty = await detect('sub/empty.csv');
    expect(empty.message).toMatch(
      /^Could not detect the columns of stage:\/\/samples\/sub\/empty\.csv: Invalid Input Error/,
    );
    for (const error of [missing, empty]) expect(error.message).not.toContain(server.dir);
  });
});

const S3 = {
  AWS_KEY_ID: 'AKIAEXAMPLE',
  AWS_SECRET_KEY: 'secret/EXAMPLE+key',
  AWS_REGION: 'eu-west-1',
  ENDPOINT: 's3.eu-west-1.amazonaws.com',
  PROVIDER: 'amazon' as const,
};

describe('external stage credentials and kinds', () => {
  it('saves an s3:// stage with credentials only under SLUICE_SECRET_KEY', async () => {
    const keyless = await failure(
      server.caller.externalStage.create({ name: 'lake', url: 's3://bucket/in/', credentials: S3 }),
    );
    expect(keyless.code).toBe('BAD_REQUEST');
    expect(keyless.message).toMatch(/^Set SLUICE_SECRET_KEY/);

    const keyed = await startTestServer({ SLUICE_SECRET_KEY: 'x'.repeat(40) });
    try {
      const { caller } = keyed;
      const created = await caller.externalStage.create({
        name: 'lake',
        url: 's3://bucket/in',
        credentials: S3,
      });
      expect(created).toMatchObject({ kind: 's3', url: 's3://bucket/in/' });
      expect(created.secretsSet).toEqual(['AWS_KEY_ID', 'AWS_SECRET_KEY']);
      expect(JSON.stringify(await caller.externalStage.list())).not.toContain(S3.AWS_SECRET_KEY);
      const updated = await caller.externalStage.update({
        name: 'lake',
        credentials: { PROVIDER: 'minio' },
      });
      expect(updated.settings).toMatchObject({ PROVIDER: 'minio', AWS_REGION: 'eu-west-1' });
      expect(updated.secretsSet).toEqual(['AWS_KEY_ID', 'AWS_SECRET_KEY']);
    } finally {
      await keyed.close();
    }
  });

  it.each([
    [
      { url: 's3://bucket/', credentials: { AWS_KEY_ID: 'k' } },
      /needs AWS_SECRET_KEY, AWS_REGION, ENDPOINT, PROVIDER too/,
    ],
    [
      { url: 's3://bucket/', credentials: { ...S3, AWS_REGION: 'eu,west' } },
      /Credential values cannot contain/,
    ],
    [{ url: 's3://bucket/?x=1', credentials: S3 }, /without "\?", "#" or user/],
    [{ url: 'stage://nowhere/sub/' }, /points at stage:\/\/nowhere\/, which does not exist/],
    [{ url: 'stage://samples/../up/' }, /without "\.", "\.\." or "\\"/],
    [{ url: 'ftp://host/dir/' }, /is not an external stage URL/],
  ])('refuses %o with a message saying what to change', async (input, message) => {
    const keyed = await startTestServer({ SLUICE_SECRET_KEY: 'x'.repeat(40) });
    try {
      const error = await failure(keyed.caller.externalStage.create({ name: 'bad', ...input }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(message);
    } finally {
      await keyed.close();
    }
  });

  it('refuses credentials on a file:// stage', async () => {
    const error = await failure(
      server.caller.externalStage.create({
        name: 'local',
        url: folderUrl(server.config.samplesDir),
        credentials: { AWS_REGION: 'eu-west-1' },
      }),
    );
    expect(error.message).toBe('file:// external stages take no credentials; remove AWS_REGION.');
  });

  it('reads a stage:// sub-stage from its parent folder and refuses a cycle', async () => {
    const { caller } = server;
    await mkdir(join(server.config.samplesDir, 'nested', 'deeper'), { recursive: true });
    await writeFile(join(server.config.samplesDir, 'nested', 'deeper', 'n.csv'), 'id,v\n1,a\n');
    await caller.externalStage.create({ name: 'nested', url: 'stage://samples/nested' });
    await caller.externalStage.create({ name: 'deeper', url: 'stage://nested/deeper/' });
    const files = await caller.externalStage.files({ name: 'deeper' });
    expect(files.map((f) => f.path)).toEqual(['n.csv']);
    const { columns } = await caller.externalStage.detectColumns({
      externalStage: 'deeper',
      path: 'n.csv',
      format: CSV,
    });
    expect(columns.map((c) => c.name)).toEqual(['id', 'v']);
    // The parent's files are within the file roots, but not the sub-stage's to reach.
    const escape = await failure(
      caller.externalStage.detectColumns({
        externalStage: 'deeper',
        path: '../n.csv',
        format: CSV,
      }),
    );
    expect(escape.message).toContain('must stay inside the external stage');
    const listing = await failure(caller.externalStage.files({ name: 'deeper', prefix: '../' }));
    expect(listing.message).toContain('must stay inside the external stage');

    const cycle = await failure(
      caller.externalStage.update({ name: 'nested', url: 'stage://deeper/' }),
    );
    expect(cycle.message).toMatch(/leads back to "nested" through stage:\/\/ URLs/);
    const parent = await failure(caller.externalStage.delete({ name: 'samples' }));
    expect(parent.code).toBe('CONFLICT');
    expect(parent.message).toContain('holds "nested"');
  });
});
