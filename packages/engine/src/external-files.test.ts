import { mkdir, mkdtemp, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { checkExternalStageUrl, resolveExternalFile } from './external-files';
import { listExternalFiles } from './list-external-files';

let base: string;
let root: string;
let outside: string;
let url: string;

beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'sluice-files-')));
  root = join(base, 'root');
  outside = join(base, 'outside');
  await mkdir(join(root, 'stage', 'nested', 'deep'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(root, 'stage', 'a.csv'), 'a\n1\n');
  await writeFile(join(root, 'stage', 'nested', 'deep', 'b.csv'), 'b\n22\n');
  await writeFile(join(root, 'secret.txt'), 'root file outside the stage');
  await writeFile(join(outside, 'passwd'), 'not yours');
  url = `${pathToFileURL(join(root, 'stage')).href}/`;
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const read = (path: string) =>
  resolveExternalFile({ url, path, mode: 'read', allowedRoots: [root] });
const write = (path: string) =>
  resolveExternalFile({ url, path, mode: 'write', allowedRoots: [root] });
/** As a flow names it: `ref`, the file of external stage "landing", names it in messages. */
const readAs = (path: string) =>
  resolveExternalFile({
    url,
    path,
    mode: 'read',
    allowedRoots: [root],
    ref: { externalStage: 'landing', path },
  });

describe('resolveExternalFile', () => {
  it('accepts files nested in the external stage folder', async () => {
    expect(await read('a.csv')).toBe(join(root, 'stage', 'a.csv'));
    expect(await read('nested/deep/b.csv')).toBe(join(root, 'stage', 'nested', 'deep', 'b.csv'));
    expect(await read('nested/../a.csv')).toBe(join(root, 'stage', 'a.csv'));
  });

  it('refuses .. that leaves the allowed roots, naming the setting, not the server folders', async () => {
    const error = read('x/../../../outside/passwd');
    await expect(error).rejects.toMatchObject({ code: 'OUTSIDE_ROOTS' });
    await expect(error).rejects.toThrow(
      'File "x/../../../outside/passwd" resolves outside the folders Sluice may use. Choose one inside them, or have SLUICE_FILE_ROOTS on the server extended to include it.',
    );
  });

  it('names a refused file of a flow by its stage:// form, never by the server path', async () => {
    await symlink(outside, join(root, 'stage', 'out-dir'));
    const refusals = await Promise.all(
      ['missing.csv', '../secret.txt', 'x/../../../outside/passwd', 'out-dir/passwd', 'nested'].map(
        (path) => readAs(path).catch((error: unknown) => (error as Error).message),
      ),
    );
    for (const message of refusals) {
      expect(message).toMatch(/^stage:\/\/landing\//);
      expect(message).not.toContain(base);
    }
    const unknownFolder = await resolveExternalFile({
      url: pathToFileURL(join(root, 'gone')).href,
      path: 'a.csv',
      mode: 'read',
      allowedRoots: [root],
      ref: { externalStage: 'landing', path: 'a.csv' },
    }).catch((error: unknown) => (error as Error).message);
    expect(unknownFolder).toBe(
      'The folder of external stage "landing" does not exist. Create it, or fix the external stage\'s URL on the External stages page.',
    );
  });

  it('refuses .. that leaves the external stage folder even inside a root', async () => {
    await expect(read('../secret.txt')).rejects.toMatchObject({ code: 'BAD_PATH' });
  });

  it('refuses absolute and empty paths', async () => {
    await expect(read(join(root, 'stage', 'a.csv'))).rejects.toMatchObject({ code: 'BAD_PATH' });
    await expect(read('')).rejects.toMatchObject({ code: 'BAD_PATH' });
  });

  it('refuses a symlink that points outside every root, for reading and writing', async () => {
    await symlink(join(outside, 'passwd'), join(root, 'stage', 'link.csv'));
    await symlink(outside, join(root, 'stage', 'out-dir'));
    await expect(read('link.csv')).rejects.toMatchObject({ code: 'OUTSIDE_ROOTS' });
    await expect(write('link.csv')).rejects.toMatchObject({ code: 'OUTSIDE_ROOTS' });
    await expect(write('out-dir/new/x.csv')).rejects.toMatchObject({ code: 'OUTSIDE_ROOTS' });
    await expect(read('out-dir/passwd')).rejects.toMatchObject({ code: 'OUTSIDE_ROOTS' });
  });

  it('reports a missing file and where to look for the right name', async () => {
    await expect(readAs('missing.csv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readAs('missing.csv')).rejects.toThrow(
      "stage://landing/missing.csv does not exist. Check the file name against the external stage's files on the External stages page, or change the path.",
    );
  });

  it('creates missing parent folders for writes inside the root', async () => {
    expect(await write('out/2024/result.csv')).toBe(
      join(root, 'stage', 'out', '2024', 'result.csv'),
    );
    expect(await listExternalFiles({ url, allowedRoots: [root], prefix: 'out' })).toEqual([]);
  });

  it('refuses URLs that are not file:// folders inside a root', async () => {
    const args = { path: 'a.csv', mode: 'read' as const, allowedRoots: [root] };
    await expect(resolveExternalFile({ ...args, url: 's3://bucket/x/' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_SCHEME',
    });
    await expect(resolveExternalFile({ ...args, url: 'not a url' })).rejects.toMatchObject({
      code: 'BAD_URL',
    });
    await expect(
      resolveExternalFile({ ...args, url: pathToFileURL(outside).href }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_ROOTS' });
    await expect(resolveExternalFile({ ...args, url, allowedRoots: [] })).rejects.toMatchObject({
      code: 'OUTSIDE_ROOTS',
      message: `Folder ${join(root, 'stage')} cannot be used: SLUICE_FILE_ROOTS allows no folder. Set it on the server to the folders Sluice may use.`,
    });
  });
});

describe('checkExternalStageUrl', () => {
  it('normalizes an existing folder inside a root to a file URL with a trailing slash', async () => {
    const bare = pathToFileURL(join(root, 'stage', 'nested', '..')).href;
    expect(await checkExternalStageUrl(bare, [root])).toBe(url);
  });

  it('refuses missing folders, files and folders outside the roots', async () => {
    const missing = pathToFileURL(join(root, 'nope')).href;
    await expect(checkExternalStageUrl(missing, [root])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const file = pathToFileURL(join(root, 'secret.txt')).href;
    await expect(checkExternalStageUrl(file, [root])).rejects.toMatchObject({ code: 'BAD_URL' });
    await expect(checkExternalStageUrl(pathToFileURL(outside).href, [root])).rejects.toMatchObject({
      code: 'OUTSIDE_ROOTS',
    });
  });
});

describe('listExternalFiles', () => {
  it('lists files recursively with relative paths, sorted, filtered and capped', async () => {
    await symlink(join(outside, 'passwd'), join(root, 'stage', 'z-link-out.csv'));
    const files = await listExternalFiles({ url, allowedRoots: [root] });
    expect(files.map((f) => f.path)).toEqual(['a.csv', 'nested/deep/b.csv']);
    expect(files[1]).toMatchObject({ size: 5 });
    expect(Number.isNaN(Date.parse(files[0]!.modifiedAt))).toBe(false);
    const nested = await listExternalFiles({ url, allowedRoots: [root], prefix: 'nested/' });
    expect(nested.map((f) => f.path)).toEqual(['nested/deep/b.csv']);
    const first = await listExternalFiles({ url, allowedRoots: [root], limit: 1 });
    expect(first.map((f) => f.path)).toEqual(['a.csv']);
  });

  it('lists a file linked from inside the roots, by its own size', async () => {
    await symlink(join(root, 'secret.txt'), join(root, 'stage', 'linked.txt'));
    const files = await listExternalFiles({ url, allowedRoots: [root] });
    expect(files.find((f) => f.path === 'linked.txt')).toMatchObject({ size: 27 });
  });

  it('refuses a folder swapped for a link after it was read, listing nothing outside', async () => {
    await writeFile(join(outside, 'passwd-2'), 'not yours either');
    const error: unknown = await listExternalFiles({
      url,
      allowedRoots: [root],
      afterRead: async (folder) => {
        if (folder !== '') return;
        await rename(join(root, 'stage', 'nested'), join(root, 'stage', 'nested-moved'));
        await symlink(outside, join(root, 'stage', 'nested'));
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FileAccessError', code: 'CHANGED' });
    expect((error as Error).message).not.toContain('passwd');
    expect((error as Error).message).not.toContain(outside);
  });
});
