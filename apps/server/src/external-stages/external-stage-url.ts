/**
 * Checks the URL of an external stage (sql-reference.md §1.2): `file:///folder/`,
 * `s3://bucket/prefix/` or `stage://parent/sub/path/`, returned with a trailing `/`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

import { checkExternalStageUrl } from '@sluice/engine';

import type { ExternalStageKind } from './external-stage-types';
import { InvalidRequestError } from '../errors';

const FORMS = 'file:///absolute/folder/, s3://bucket/prefix/ or stage://parent/sub/folder/';

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

/** A `stage://` URL split into the external stage it names and the folder beneath it. */
export interface SubStageUrl {
  parent: string;
  /** Relative folder under the parent, `''` or ending in `/`. */
  sub: string;
}

/**
 * Splits `stage://parent/sub/`. Names of external stages may hold characters a URL host may not
 * (spaces), so the parent is everything up to the first `/`.
 */
export function parseSubStageUrl(url: string): SubStageUrl {
  const rest = url.slice('stage://'.length);
  const slash = rest.indexOf('/');
  const parent = slash === -1 ? rest : rest.slice(0, slash);
  const sub = slash === -1 ? '' : rest.slice(slash + 1);
  if (parent === '') {
    throw new InvalidRequestError(`"${url}" names no external stage; write stage://parent/sub/.`);
  }
  const segments = sub.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..' || segment.includes('\\'))) {
    throw new InvalidRequestError(
      `"${url}" must name a folder below "${parent}" without ".", ".." or "\\".`,
    );
  }
  return { parent, sub: segments.map((segment) => `${segment}/`).join('') };
}

function checkS3Url(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidRequestError(`"${url}" is not a URL; write s3://bucket/prefix/.`);
  }
  if (parsed.hostname === '') throw new InvalidRequestError(`"${url}" names no bucket.`);
  // MatrixOne refuses a query string on S3 paths it loads (sql-reference.md §1.2).
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '') {
    throw new InvalidRequestError(
      `"${url}" must be s3://bucket/prefix/ without "?", "#" or user; credentials go in their own fields.`,
    );
  }
  return withSlash(url);
}

/** A `file://` URL on the database server's disk (MatrixOne), which Sluice does not check. */
function checkServerFileUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.host !== '' || parsed.search !== '' || parsed.hash !== '') throw new Error();
    return withSlash(pathToFileURL(fileURLToPath(parsed)).href);
  } catch {
    throw new InvalidRequestError(
      `"${url}" must name a folder as file:///absolute/folder/ (three slashes, no host).`,
    );
  }
}

/**
 * The checked, normalized URL and its kind. `file://` folders must exist inside `fileRoots`
 * when Sluice itself reads them (DuckDB and MySQL-family targets); on MatrixOne the folder is on
 * the database server, so only its form is checked.
 */
export async function checkStageUrl(
  url: string,
  opts: { fileRoots: readonly string[]; filesOnThisMachine: boolean },
): Promise<{ kind: ExternalStageKind; url: string }> {
  if (url.startsWith('s3://')) return { kind: 's3', url: checkS3Url(url) };
  if (url.startsWith('stage://')) {
    const { parent, sub } = parseSubStageUrl(url);
    return { kind: 'stage', url: `stage://${parent}/${sub}` };
  }
  if (url.startsWith('file:')) {
    const checked = opts.filesOnThisMachine
      ? await checkExternalStageUrl(url, opts.fileRoots)
      : checkServerFileUrl(url);
    return { kind: 'file', url: checked };
  }
  throw new InvalidRequestError(`"${url}" is not an external stage URL; write ${FORMS}.`);
}
