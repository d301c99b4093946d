import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dirent } from 'node:fs';

import { isInside } from './allowed-roots';
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

/** Entries of one folder as regular files or folders; symlinks count only inside the roots. */
async function kindOf(
  dir: string,
  entry: Dirent,
  roots: readonly string[],
): Promise<'file' | 'dir' | undefined> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return undefined;
  const real = await realpath(join(dir, entry.name)).catch(() => undefined);
  if (real === undefined || !roots.some((root) => isInside(real, root))) return undefined;
  // Symlinked folders are not followed, so a link cycle cannot make the walk endless.
  return (await stat(real)).isFile() ? 'file' : undefined;
}

async function walk(dir: string, rel: string, roots: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const kind = await kindOf(dir, entry, roots);
      if (kind === 'file') return [relPath];
      if (kind === 'dir') return walk(join(dir, entry.name), relPath, roots);
      return [];
    }),
  );
  return nested.flat();
}

/**
 * Lists the files of a `file://` external stage recursively, sorted by relative path. `prefix`
 * keeps paths that start with it; `limit` caps the answer (1000 by default).
 */
export async function listExternalFiles(args: {
  url: string;
  allowedRoots: readonly string[];
  prefix?: string;
  limit?: number;
}): Promise<ExternalFileEntry[]> {
  const { url, allowedRoots, prefix = '', limit = DEFAULT_LIMIT } = args;
  const folder = await openStageFolder(url, allowedRoots);
  const paths = (await walk(folder.realDir, '', folder.roots))
    .filter((path) => path.startsWith(prefix))
    .sort()
    .slice(0, limit);
  return Promise.all(
    paths.map(async (path) => {
      const info = await stat(join(folder.realDir, path));
      return { path, size: info.size, modifiedAt: info.mtime.toISOString() };
    }),
  );
}
