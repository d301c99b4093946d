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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { TempExport } from './plan-files';
import { createToWrite, openToRead } from './confined-files';
import { ExportPromotions } from './export-promotions';
import { resolveExternalFile } from './external-files';

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

/** Runs `openToRead` in a process of the unprivileged user `nobody`; returns what it read. */
function readAsNobody(local: string): string {
  const module = pathToFileURL(join(import.meta.dirname, 'confined-files.ts')).href;
  const script = `const { openToRead } = await import(${JSON.stringify(module)});
    const file = await openToRead(${JSON.stringify(local)}, 'stage://landing/sub/a.csv');
    process.stdout.write(await file.readFile('utf8'));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    uid: 65534,
    gid: 65534,
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
      /^stage:\/\/landing\/sub\/a\.csv cannot be written: EEXIST/,
    );
    expect(await readFile(local, 'utf8')).toBe('inside\n');
  });
});

describe('ExportPromotions through a swapped folder', () => {
  it('refuses the rename, keeps the earlier file and writes nothing outside', async () => {
    const local = await check('sub/a.csv', 'write');
    const entry: TempExport = {
      file: { ref: { externalStage: 'exports', path: 'sub/a.csv' }, mode: 'write', local },
      stageId: 'out',
      local,
      temp: `${local}.sluice-r1-out.tmp`,
    };
    const temp = await createToWrite(entry.temp, 'stage://exports/sub/a.csv.sluice-r1-out.tmp');
    await temp.writeFile('new rows\n');
    await temp.close();
    await swapSub();
    const promotions = new ExportPromotions();
    await expect(promotions.promote(entry)).rejects.toMatchObject(REPLACED);
    expect(await promotions.restore()).toEqual([]);
    expect(await readdir(outside)).toEqual(['a.csv']);
    expect(await readFile(join(outside, 'a.csv'), 'utf8')).toBe('secret\n');
    const moved = join(root, 'stage', 'sub-moved');
    expect(await readFile(join(moved, 'a.csv'), 'utf8')).toBe('inside\n');
  });
});
