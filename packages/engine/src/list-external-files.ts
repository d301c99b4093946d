import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dirent, Stats } from 'node:fs';

import type { FolderEntry } from './confined-files';
import { isInside } from './allowed-roots';
import { inRealFolder, inSubfolder } from './confined-files';
import { errorCode } from './error-details';
import { FileAccessError } from './file-access-error';
import { openStageFolder } from './stage-folder';

/** A file inside an external stage folder. */
export interface ExternalFileEntry {
  /** Relative to the external stage folder, with `/` separators. */
  path: string;
  size: number;
  /** ISO timestamp of the last change. */
  modifiedAt: string;
}

const DEFAULT_LIMIT = 1000;

/** Linux's O_PATH (see `confined-files.ts`): enough to stat what a link leads to. */
const O_PATH = 0o10000000;

/** What the walk needs: the roots links may lead into, and how folders are named in errors. */
interface Walk {
  roots: readonly string[];
  /** The external stage's folder as its URL names it. */
  dir: string;
  afterRead?: (folder: string) => Promise<void>;
}

/**
 * What a symbolic link leads to, when it is a file inside the roots: the link is followed once
 * into a descriptor, whose real path is checked, so the file stat'ed is the file checked.
 * Symlinked folders are not followed, so a link cycle cannot make the walk endless.
 */
async function linkedFile(path: string, roots: readonly string[]): Promise<Stats | undefined> {
  const linked = await open(path, O_PATH).catch(() => undefined);
  if (linked === undefined) return undefined;
  try {
    const real = await realpath(`/proc/self/fd/${String(linked.fd)}`);
    if (!roots.some((root) => isInside(real, root))) return undefined;
    const info = await linked.stat();
    return info.isFile() ? info : undefined;
  } finally {
    await linked.close();
  }
}

/** The file entry `dirent` stands for, a folder to walk into, or nothing to list. */
async function kindOf(
  at: FolderEntry,
  dirent: Dirent,
  roots: readonly string[],
): Promise<Stats | 'dir' | undefined> {
  if (dirent.isDirectory()) return 'dir';
  if (dirent.isSymbolicLink()) return linkedFile(at(dirent.name), roots);
  if (!dirent.isFile()) return undefined;
  // Gone since the folder was read: nothing to list.
  return lstat(at(dirent.name)).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * The files of the folder open at `at` (`rel` below the stage's folder) and of its sub-folders,
 * each opened through its parent's descriptor: a sub-folder swapped for a link after its parent
 * was read is refused, so no name or size outside the roots is listed.
 */
async function walk(at: FolderEntry, rel: string, walker: Walk): Promise<ExternalFileEntry[]> {
  const dirents = await readdir(at('.'), { withFileTypes: true });
  await walker.afterRead?.(rel);
  const files: ExternalFileEntry[] = [];
  for (const dirent of dirents) {
    const path = rel === '' ? dirent.name : `${rel}/${dirent.name}`;
    const kind = await kindOf(at, dirent, walker.roots);
    if (kind === 'dir') {
      files.push(...(await walkInto(at, { name: dirent.name, path }, walker)));
    } else if (kind !== undefined) {
      files.push({ path, size: kind.size, modifiedAt: kind.mtime.toISOString() });
    }
  }
  return files;
}

/** Walks sub-folder `name` (at `path`); one removed since its parent was read lists nothing. */
async function walkInto(
  parent: FolderEntry,
  { name, path }: { name: string; path: string },
  walker: Walk,
): Promise<ExternalFileEntry[]> {
  const uri = `Folder ${join(walker.dir, path)}`;
  try {
    return await inSubfolder({ parent, name, uri }, (child) => walk(child, path, walker));
  } catch (error) {
    if (error instanceof FileAccessError && error.code === 'NOT_FOUND') return [];
    throw error;
  }
}

/**
 * Lists the files of a `file://` external stage recursively, sorted by relative path. `prefix`
 * keeps paths that start with it; `limit` caps the answer (1000 by default). `afterRead` is
 * called with each folder's relative path once it has been read, before the walk goes into its
 * sub-folders (tests change the folders at that moment).
 */
export async function listExternalFiles(args: {
  url: string;
  allowedRoots: readonly string[];
  prefix?: string;
  limit?: number;
  afterRead?: (folder: string) => Promise<void>;
}): Promise<ExternalFileEntry[]> {
  const { url, allowedRoots, prefix = '', limit = DEFAULT_LIMIT, afterRead } = args;
  const folder = await openStageFolder(url, allowedRoots);
  const walker: Walk = { roots: folder.roots, dir: folder.dir, ...(afterRead && { afterRead }) };
  const uri = `Folder ${folder.dir}`;
  const files = await inRealFolder({ dir: folder.realDir, uri, create: false }, (at) =>
    walk(at, '', walker),
  );
  return files
    .filter((file) => file.path.startsWith(prefix))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, limit);
}
