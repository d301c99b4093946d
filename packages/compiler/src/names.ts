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

/**
 * The name of a table or view one run makes for a stage (its staging output, or with a `part`
 * such as `new` the shadow of its destination), shortened with a hash past 64 characters.
 */
export function stagingName(runTag: string, stageId: string, part?: string): string {
  return fitName(`__sluice_${runTag}_${stageId}${part === undefined ? '' : `_${part}`}`);
}

/** How a file is named where no real path is needed: `stage://<external stage>/<path>`. */
export function stageUri(ref: FileRef): string {
  return `stage://${ref.externalStage}/${ref.path}`;
}
