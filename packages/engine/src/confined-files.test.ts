import { execFileSync } from 'node:child_process';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Plan } from '@sluice/compiler';

import type { TempExport } from './plan-files';
import { createToWrite, openToRead, reasonOf } from './confined-files';
import { ExportPromotions } from './export-promotions';
import { resolveExternalFile } from './external-files';
import { discardExports, prepareExportFolders } from './plan-files';

let base: string;
let root: string;
let outside: string;
let url: string;

beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'sluice-confined-')));
  root = join(base, 'root');
  outside = join(base, 'outside');
  await mkdir(join(root, 'stage', 'sub'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(root, 'stage', 'sub', 'a.csv'), 'inside\n');
  await writeFile(join(outside, 'a.csv'), 'secret\n');
  url = `${pathToFileURL(join(root, 'stage')).href}/`;
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** The check Sluice makes before a run: the file's real path, inside the root. */
const check = (path: string, mode: 'read' | 'write') =>
  resolveExternalFile({ url, path, mode, allowedRoots: [root] });

/** Swaps `root/stage/sub` for a link to the folder outside the root, keeping the real one aside. */
async function swapSub(): Promise<void> {
  await rename(join(root, 'stage', 'sub'), join(root, 'stage', 'sub-moved'));
  await symlink(outside, join(root, 'stage', 'sub'));
}

const URI = 'stage://landing/sub/a.csv';
const REPLACED = { name: 'FileAccessError', code: 'CHANGED' };

describe('openToRead', () => {
  it('reads the file that was checked', async () => {
    const file = await openToRead(await check('sub/a.csv', 'read'), URI);
    try {
      expect(await file.readFile('utf8')).toBe('inside\n');
    } finally {
      await file.close();
    }
  });

  it('refuses a file whose folder was swapped for a link after the check', async () => {
    const local = await check('sub/a.csv', 'read');
    await swapSub();
    const error: unknown = await openToRead(local, URI).catch((e: unknown) => e);
    expect(error).toMatchObject(REPLACED);
    expect((error as Error).message).toMatch(/^stage:\/\/landing\/sub\/a\.csv was not opened: /);
    expect((error as Error).message).not.toContain(base);
  });

  it('refuses a file that was itself swapped for a link', async () => {
    const local = await check('sub/a.csv', 'read');
    await rm(local);
    await symlink(join(outside, 'a.csv'), local);
    await expect(openToRead(local, URI)).rejects.toMatchObject(REPLACED);
  });

  it('refuses a FIFO put in the file’s place without waiting for a writer', async () => {
    const local = await check('sub/a.csv', 'read');
    await rm(local);
    execFileSync('mkfifo', [local]);
    await expect(openToRead(local, URI)).rejects.toThrow(`${URI} is not a file`);
  });

  it('says a missing file is missing and where to look, without the server path', async () => {
    const local = await check('sub/a.csv', 'read');
    await rm(local);
    await expect(openToRead(local, URI)).rejects.toThrow(
      `${URI} does not exist. Check the file name against the external stage's files on the External stages page, or change the path.`,
    );
  });
});

/**
 * Runs `openToRead` in a process of the unprivileged user `nobody`; returns what it read. The
 * module is bundled into the test's own folder first, since `nobody` may not be able to read the
 * checkout (a clone in a private temporary folder, say).
 */
function readAsNobody(local: string): string {
  const probe = join(base, 'probe.mjs');
  buildSync({
    stdin: {
      contents: `import { openToRead } from './confined-files.ts';
        const file = await openToRead(${JSON.stringify(local)}, 'stage://landing/sub/a.csv');
        process.stdout.write(await file.readFile('utf8'));`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: probe,
    logLevel: 'silent',
  });
  return execFileSync(process.execPath, [probe], {
    uid: 65534,
    gid: 65534,
    cwd: '/',
    encoding: 'utf8',
  });
}

describe('openToRead by a user who may only pass through a folder', () => {
  // Changing to another user takes root; elsewhere the permissions cannot be set up.
  it.runIf(process.getuid?.() === 0)('reads below a folder it may not list', async () => {
    const local = await check('sub/a.csv', 'read');
    await chmod(base, 0o711);
    await chmod(root, 0o711);
    expect(readAsNobody(local)).toBe('inside\n');
  });
});

describe('createToWrite', () => {
  it('creates the file and any missing folder inside the checked folder', async () => {
    const local = await check('sub/new/out.csv', 'write');
    await rm(join(root, 'stage', 'sub', 'new'), { recursive: true });
    const file = await createToWrite(local, 'stage://exports/sub/new/out.csv');
    await file.writeFile('rows\n');
    await file.close();
    expect(await readFile(join(root, 'stage', 'sub', 'new', 'out.csv'), 'utf8')).toBe('rows\n');
  });

  it('creates nothing through a folder swapped for a link after the check', async () => {
    const local = await check('sub/new/out.csv', 'write');
    await rm(join(root, 'stage', 'sub', 'new'), { recursive: true });
    await swapSub();
    await expect(createToWrite(local, 'stage://exports/sub/new/out.csv')).rejects.toMatchObject(
      REPLACED,
    );
    expect(await readdir(outside)).toEqual(['a.csv']);
  });

  it('never writes into a file that already has the name', async () => {
    const local = await check('sub/a.csv', 'write');
    await expect(createToWrite(local, URI)).rejects.toThrow(
      `${URI} cannot be written: a file of that name already exists.`,
    );
    expect(await readFile(local, 'utf8')).toBe('inside\n');
  });
});

describe('ExportPromotions through a swapped folder', () => {
  /** A plan exporting to `sub/a.csv` through a temporary file, as a MariaDB run writes it. */
  async function exportPlan(): Promise<{ plan: Plan; entry: TempExport }> {
    const local = await check('sub/a.csv', 'write');
    const temp = `${local}.sluice-r1-out.tmp`;
    const ref = { externalStage: 'exports', path: 'sub/a.csv' };
    const file = { ref, mode: 'write' as const, local, temp };
    const step = {
      id: 'out',
      phase: 'load' as const,
      stageId: 'out',
      sql: '',
      inTransaction: true,
    };
    const plan: Plan = {
      dialect: 'mysql',
      runTag: 'r1',
      steps: [{ ...step, files: [file] }],
      cleanup: [],
      staging: [],
      destinations: [],
    };
    return { plan, entry: { file, stageId: 'out', local, temp } };
  }

  it('refuses the rename, keeps the earlier file and writes nothing outside', async () => {
    const { plan, entry } = await exportPlan();
    expect(await prepareExportFolders(plan)).toBeUndefined();
    const temp = await createToWrite(entry.temp, 'stage://exports/sub/a.csv.sluice-r1-out.tmp');
    await temp.writeFile('new rows\n');
    await temp.close();
    await swapSub();
    const promotions = new ExportPromotions();
    await expect(promotions.promote(entry)).rejects.toMatchObject(REPLACED);
    expect(await promotions.restore()).toEqual([]);
    await discardExports(plan);
    expect(await readdir(outside)).toEqual(['a.csv']);
    expect(await readFile(join(outside, 'a.csv'), 'utf8')).toBe('secret\n');
    // The temporary file is deleted in the folder it was made in, moved away since.
    const moved = join(root, 'stage', 'sub-moved');
    expect(await readdir(moved)).toEqual(['a.csv']);
    expect(await readFile(join(moved, 'a.csv'), 'utf8')).toBe('inside\n');
  });
});

describe('reasonOf', () => {
  /** A Node file error with `code`, its message naming a server path, as Node's do. */
  const failure = (code: string) =>
    Object.assign(new Error(`${code}: failed, open '/srv/data/a.csv'`), { code });

  it.each([
    ['EEXIST', 'a file of that name already exists'],
    ['EISDIR', 'a folder has that name, not a file'],
    ['ENOTDIR', 'a file stands where a folder of its path should be'],
    ['ENOTEMPTY', 'the folder is not empty'],
    [
      'EACCES',
      'Sluice is not allowed to open it (permission denied); check the folder permissions',
    ],
    ['EPERM', 'Sluice is not allowed to open it (permission denied); check the folder permissions'],
    ['ENOSPC', 'no space left on the disk'],
    ['EROFS', 'the file system is read-only'],
    ['ELOOP', 'a symbolic link is on its path, and Sluice does not follow links there'],
    ['ENOENT', 'the file is no longer there'],
  ])('says %s in words', (code, words) => {
    expect(reasonOf(failure(code))).toBe(words);
  });

  it('names an unknown error by its code only, never by the path in its message', () => {
    expect(reasonOf(failure('EXDEV'))).toBe('the file system refused it (EXDEV)');
  });
});
