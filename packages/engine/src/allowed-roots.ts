import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

import { FileAccessError } from './file-access-error';

/** True when `child` is `parent` or lies below it (both absolute, normalized). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real paths of the roots that exist; a missing root allows nothing. */
export async function realRoots(allowedRoots: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    allowedRoots.map((root) => realpath(root).catch(() => undefined)),
  );
  return found.filter((root) => root !== undefined);
}

/** The refusal for a path outside every root, naming the roots and the setting to change. */
export function outsideRoots(what: string, allowedRoots: readonly string[]): FileAccessError {
  const roots = allowedRoots.length > 0 ? allowedRoots.join(', ') : 'none configured';
  return new FileAccessError(
    'OUTSIDE_ROOTS',
    `${what} resolves outside the folders Sluice may use (${roots}). ` +
      'Set SLUICE_FILE_ROOTS to allow another folder.',
  );
}

/** Throws `outsideRoots` unless the real path lies inside one of the real roots. */
export function assertInsideRoots(
  realPath: string,
  roots: readonly string[],
  refusal: () => FileAccessError,
): void {
  if (!roots.some((root) => isInside(realPath, root))) throw refusal();
}
