import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { assertInsideRoots, outsideRoots, realRoots } from './allowed-roots';
import { FileAccessError } from './file-access-error';

/** The folder of a `file://` external stage, checked against the allowed roots. */
export interface StageFolder {
  /** The folder as written in the URL, normalized. */
  dir: string;
  /** The folder with symlinks resolved; files are resolved against this. */
  realDir: string;
  /** The allowed roots with symlinks resolved. */
  roots: string[];
}

/** Parses `file:///absolute/dir/` into an absolute, normalized folder path. */
export function parseFileUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FileAccessError(
      'BAD_URL',
      `"${url}" is not a URL. Write a folder as file:///absolute/folder/.`,
    );
  }
  if (parsed.protocol !== 'file:') {
    throw new FileAccessError(
      'UNSUPPORTED_SCHEME',
      `External stages with ${parsed.protocol}// URLs are not supported yet; use file:///absolute/folder/.`,
    );
  }
  if (parsed.host !== '' || parsed.search !== '' || parsed.hash !== '') {
    throw new FileAccessError(
      'BAD_URL',
      `"${url}" must name a local folder as file:///absolute/folder/ (no host, query or fragment).`,
    );
  }
  return resolve(fileURLToPath(parsed));
}

/**
 * Resolves an external stage's folder and refuses it unless it exists inside a root. `stage`,
 * the external stage's name, makes messages name the stage instead of its folder, for messages
 * about a flow's files, where the folder is the server's business.
 */
export async function openStageFolder(
  url: string,
  allowedRoots: readonly string[],
  stage?: string,
): Promise<StageFolder> {
  const dir = parseFileUrl(url);
  const folder = stage === undefined ? `Folder ${dir}` : `The folder of external stage "${stage}"`;
  const fix =
    stage === undefined ? '' : ", or fix the external stage's URL on the External stages page";
  const roots = await realRoots(allowedRoots);
  let realDir: string;
  try {
    realDir = await realpath(dir);
  } catch {
    throw new FileAccessError('NOT_FOUND', `${folder} does not exist. Create it${fix}.`);
  }
  assertInsideRoots(realDir, roots, () => outsideRoots(folder, allowedRoots));
  if (!(await stat(realDir)).isDirectory()) {
    const what = stage === undefined ? dir : folder;
    throw new FileAccessError('BAD_URL', `${what} is a file; an external stage names a folder.`);
  }
  return { dir, realDir, roots };
}
