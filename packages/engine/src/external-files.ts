import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve, sep, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { StageFolder } from './stage-folder';
import { assertInsideRoots, isInside, outsideRoots } from './allowed-roots';
import { FileAccessError } from './file-access-error';
import { openStageFolder } from './stage-folder';

/**
 * Checks a `file://` external stage URL for create/update: the folder must exist and resolve
 * inside an allowed root. Returns the URL normalized to `file:///absolute/folder/`.
 */
export async function checkExternalStageUrl(
  url: string,
  allowedRoots: readonly string[],
): Promise<string> {
  const { dir } = await openStageFolder(url, allowedRoots);
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function checkRelativePath(path: string): void {
  if (path.trim() === '') {
    throw new FileAccessError('BAD_PATH', 'The file path is empty; name a file in the folder.');
  }
  if (path.includes('\0')) {
    throw new FileAccessError('BAD_PATH', `File "${path}" contains a NUL character; rename it.`);
  }
  if (isAbsolute(path) || win32.isAbsolute(path)) {
    throw new FileAccessError(
      'BAD_PATH',
      `File "${path}" is an absolute path; write it relative to the external stage folder.`,
    );
  }
}

/** The lexical target, refused when `..` climbs out of the external stage folder. */
function targetOf(folder: StageFolder, path: string, allowedRoots: readonly string[]): string {
  const target = resolve(folder.realDir, path);
  if (isInside(target, folder.realDir) && target !== folder.realDir) return target;
  if (!folder.roots.some((root) => isInside(target, root))) {
    throw outsideRoots(`File "${path}"`, allowedRoots);
  }
  throw new FileAccessError(
    'BAD_PATH',
    `File "${path}" points outside its external stage folder ${folder.dir}.`,
  );
}

/** The nearest ancestor of `dir` that exists, with symlinks resolved. */
async function realExistingAncestor(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    const parent = dirname(dir);
    if (parent === dir) throw new FileAccessError('NOT_FOUND', `No folder of ${dir} exists.`);
    return realExistingAncestor(parent);
  }
}

async function resolveExisting(path: string): Promise<string | undefined> {
  return realpath(path).catch(() => undefined);
}

interface Resolution {
  folder: StageFolder;
  target: string;
  path: string;
  refusal: () => FileAccessError;
}

async function resolveForRead({ folder, target, path, refusal }: Resolution): Promise<string> {
  const real = await resolveExisting(target);
  if (real === undefined) {
    throw new FileAccessError(
      'NOT_FOUND',
      `File "${path}" does not exist in ${folder.dir}${sep}. Check the name or upload it.`,
    );
  }
  assertInsideRoots(real, folder.roots, refusal);
  if ((await stat(real)).isDirectory()) {
    throw new FileAccessError('BAD_PATH', `"${path}" is a folder; name a file to read.`);
  }
  return real;
}

async function resolveForWrite({ folder, target, path, refusal }: Resolution): Promise<string> {
  const existing = await resolveExisting(target);
  if (existing !== undefined) {
    assertInsideRoots(existing, folder.roots, refusal);
    if ((await stat(existing)).isDirectory()) {
      throw new FileAccessError('BAD_PATH', `"${path}" is a folder; name a file to write.`);
    }
  }
  const parent = dirname(target);
  // Check before creating folders, so a symlink out of the roots never gets folders made.
  assertInsideRoots(await realExistingAncestor(parent), folder.roots, refusal);
  await mkdir(parent, { recursive: true });
  const realParent = await realpath(parent);
  assertInsideRoots(realParent, folder.roots, refusal);
  return resolve(realParent, basename(target));
}

/**
 * Resolves a file of a `file://` external stage to an absolute local path, refusing absolute
 * paths, `..` that leaves the folder, and anything (symlinks included) whose real path is outside
 * every allowed root. For 'read' the file must exist; for 'write' missing parent folders are
 * created when they resolve inside a root.
 */
export async function resolveExternalFile(args: {
  url: string;
  path: string;
  mode: 'read' | 'write';
  allowedRoots: readonly string[];
}): Promise<string> {
  const { url, path, mode, allowedRoots } = args;
  checkRelativePath(path);
  const folder = await openStageFolder(url, allowedRoots);
  const target = targetOf(folder, path, allowedRoots);
  const refusal = () => outsideRoots(`File "${path}"`, allowedRoots);
  const resolution = { folder, target, path, refusal };
  return mode === 'read' ? resolveForRead(resolution) : resolveForWrite(resolution);
}
