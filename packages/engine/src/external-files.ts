import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { FileRef } from '@sluice/stages';
import { stageUri } from '@sluice/compiler';

import type { StageFolder } from './stage-folder';
import { assertInsideRoots, isInside, outsideRoots } from './allowed-roots';
import { inRealFolder, missingFile } from './confined-files';
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

function checkRelativePath(path: string, shown: string): void {
  if (path.trim() === '') {
    throw new FileAccessError('BAD_PATH', 'The file path is empty; name a file in the folder.');
  }
  if (path.includes('\0')) {
    throw new FileAccessError('BAD_PATH', `${shown} contains a NUL character; rename it.`);
  }
  if (isAbsolute(path) || win32.isAbsolute(path)) {
    throw new FileAccessError(
      'BAD_PATH',
      `${shown} is an absolute path; write it relative to the external stage folder.`,
    );
  }
}

interface Resolution {
  folder: StageFolder;
  target: string;
  /** The file as messages name it: its stage:// form, or its path as given. */
  shown: string;
  refusal: () => FileAccessError;
}

/** The lexical target, refused when `..` climbs out of the external stage folder. */
function targetOf(
  folder: StageFolder,
  path: string,
  { shown, refusal }: Pick<Resolution, 'shown' | 'refusal'>,
): string {
  const target = resolve(folder.realDir, path);
  if (isInside(target, folder.realDir) && target !== folder.realDir) return target;
  if (!folder.roots.some((root) => isInside(target, root))) throw refusal();
  throw new FileAccessError(
    'BAD_PATH',
    `${shown} points outside its external stage's folder; remove the ".." that leaves it.`,
  );
}

/** The nearest ancestor of `dir` that exists, with symlinks resolved, and the names below it. */
async function realExistingAncestor(
  dir: string,
  shown: string,
): Promise<{ real: string; missing: string[] }> {
  try {
    return { real: await realpath(dir), missing: [] };
  } catch {
    const parent = dirname(dir);
    if (parent === dir) throw new FileAccessError('NOT_FOUND', `No folder of ${shown} exists.`);
    const found = await realExistingAncestor(parent, shown);
    return { ...found, missing: [...found.missing, basename(dir)] };
  }
}

async function resolveExisting(path: string): Promise<string | undefined> {
  return realpath(path).catch(() => undefined);
}

async function resolveForRead({ folder, target, shown, refusal }: Resolution): Promise<string> {
  const real = await resolveExisting(target);
  if (real === undefined) throw missingFile(shown);
  assertInsideRoots(real, folder.roots, refusal);
  if ((await stat(real)).isDirectory()) {
    throw new FileAccessError('BAD_PATH', `${shown} is a folder; name a file to read.`);
  }
  return real;
}

async function resolveForWrite({ folder, target, shown, refusal }: Resolution): Promise<string> {
  const existing = await resolveExisting(target);
  if (existing !== undefined) {
    assertInsideRoots(existing, folder.roots, refusal);
    if ((await stat(existing)).isDirectory()) {
      throw new FileAccessError('BAD_PATH', `${shown} is a folder; name a file to write.`);
    }
  }
  const { real, missing } = await realExistingAncestor(dirname(target), shown);
  // Check before creating folders, and create them inside the real folder checked, so a
  // symlink out of the roots never gets folders made.
  assertInsideRoots(real, folder.roots, refusal);
  const realParent = join(real, ...missing);
  if (missing.length > 0) {
    await inRealFolder({ dir: realParent, uri: shown, create: true }, () => Promise.resolve());
  }
  return join(realParent, basename(target));
}

/**
 * Resolves a file of a `file://` external stage to an absolute local path, refusing absolute
 * paths, `..` that leaves the folder, and anything (symlinks included) whose real path is outside
 * every allowed root. For 'read' the file must exist; for 'write' missing parent folders are
 * created when they resolve inside a root. `ref`, the file as the flow names it, makes messages
 * name it by its stage:// form, never by the server's folders; without it they name `path`.
 */
export async function resolveExternalFile(args: {
  url: string;
  path: string;
  mode: 'read' | 'write';
  allowedRoots: readonly string[];
  ref?: FileRef;
}): Promise<string> {
  const { url, path, mode, allowedRoots, ref } = args;
  const shown = ref === undefined ? `File "${path}"` : stageUri(ref);
  checkRelativePath(path, shown);
  const folder = await openStageFolder(url, allowedRoots, ref?.externalStage);
  const refusal = () => outsideRoots(shown, allowedRoots);
  const target = targetOf(folder, path, { shown, refusal });
  const resolution = { folder, target, shown, refusal };
  return mode === 'read' ? resolveForRead(resolution) : resolveForWrite(resolution);
}
