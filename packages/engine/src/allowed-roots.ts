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

/**
 * The refusal for a path outside every root, naming the setting to change. The roots are the
 * server's own folders, so the message, which reaches the browser, does not list them.
 */
export function outsideRoots(what: string, allowedRoots: readonly string[]): FileAccessError {
  if (allowedRoots.length === 0) {
    return new FileAccessError(
      'OUTSIDE_ROOTS',
      `${what} cannot be used: SLUICE_FILE_ROOTS allows no folder. ` +
        'Set it on the server to the folders Sluice may use.',
    );
  }
  return new FileAccessError(
    'OUTSIDE_ROOTS',
    `${what} resolves outside the folders Sluice may use. Choose one inside them, ` +
      'or have SLUICE_FILE_ROOTS on the server extended to include it.',
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
