import type { FileRef } from '@sluice/stages';

/** MySQL and MatrixOne refuse longer table names; DuckDB has no limit worth reaching. */
export const MAX_NAME_LENGTH = 64;

/**
 * A name of at most `MAX_NAME_LENGTH` characters: itself when short enough, else its start and
 * a hash of the whole, so two long names that share a start still differ and the same name
 * always shortens the same way.
 * @example fitName('__sluice_r1_' + 'x'.repeat(80)) // '__sluice_r1_xxx…x_1c9a2f3e' (64 chars)
 */
export function fitName(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const hash = fnv1a(name);
  return `${chars.slice(0, MAX_NAME_LENGTH - hash.length - 1).join('')}_${hash}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, no dependency. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** What the name of every table or view a run makes starts with. */
export const STAGING_PREFIX = '__sluice_';

/** A run tag a plan accepts: 1-32 letters, digits or `_` (a staging name must stay a name). */
const RUN_TAG = /^[A-Za-z0-9_]{1,32}$/;

/** True for a tag `compileFlow` accepts. */
export function isRunTag(tag: string): boolean {
  return RUN_TAG.test(tag);
}

/**
 * The tag of a run the server started, in a staging name (`__sluice_<tag>_<stage…>`) or a
 * temporary export's file name (`<file>.sluice-<tag>-<stage>.tmp`): the server's tags are eight
 * lowercase hex digits, so other names (a preview's, a person's `__sluice_x` table) never match.
 */
const STAGING_NAME = new RegExp(`^${STAGING_PREFIX}([0-9a-f]{8})_.`);
const TEMP_EXPORT_NAME = /\.sluice-([0-9a-f]{8})-[^/]+\.tmp$/;

/** The run tag a staging table's or view's name carries, or undefined when it is not staging. */
export function stagingRunTag(name: string): string | undefined {
  return STAGING_NAME.exec(name)?.[1];
}

/** Where a run writes an export before moving it to `local` (the same folder, so a rename). */
export function tempExportPath(local: string, runTag: string, stageId: string): string {
  return `${local}.sluice-${runTag}-${stageId}.tmp`;
}

/** The run tag of a temporary export's file name (`tempExportPath`), or undefined. */
export function tempExportRunTag(fileName: string): string | undefined {
  return TEMP_EXPORT_NAME.exec(fileName)?.[1];
}

/**
 * The name of a table or view one run makes for a stage (its staging output, or with a `part`
 * such as `new` the shadow of its destination), shortened with a hash past 64 characters.
 */
export function stagingName(runTag: string, stageId: string, part?: string): string {
  return fitName(`${STAGING_PREFIX}${runTag}_${stageId}${part === undefined ? '' : `_${part}`}`);
}

/** How a file is named where no real path is needed: `stage://<external stage>/<path>`. */
export function stageUri(ref: FileRef): string {
  return `stage://${ref.externalStage}/${ref.path}`;
}
