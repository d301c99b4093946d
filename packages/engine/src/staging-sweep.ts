import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { DialectName } from '@sluice/compiler';
import { getDialect, MAX_NAME_LENGTH, stagingRunTag, tempExportRunTag } from '@sluice/compiler';

import type { StagingSweep } from './run-claims';
import type { SqlClient } from './sql-client';
import { databaseErrorText } from './database-error-text';

/** A table or view whose name starts like Sluice's staging, wherever it was found. */
export interface StagingObject {
  schema?: string;
  name: string;
  kind: 'table' | 'view';
}

export interface SweepOptions {
  client: SqlClient;
  dialect: DialectName;
  /** True while a run holds the tag's claim, here or on another server. */
  isLive: (runTag: string) => Promise<boolean>;
  /** Folders (and their subfolders) where runs' temporary exports may be left. */
  folders: readonly string[];
}

/** A name shortened with a hash (names.ts `fitName`): what it ended with is unknown. */
const SHORTENED = /_[0-9a-f]{8}$/;

/**
 * Why an object of a dead run must stay, if it must. On MySQL-family targets an `…_old` table is
 * the original of a destination its run swapped out; when the run died before putting it back
 * (or its undo failed) it holds the only copy of that table's rows. A name shortened with a
 * hash may be one. DuckDB writes inside one transaction and keeps no such copies.
 */
function keepReason(object: StagingObject, dialect: DialectName): string | undefined {
  if (dialect === 'duckdb') return undefined;
  const { name } = object;
  const shortened = [...name].length === MAX_NAME_LENGTH && SHORTENED.test(name);
  if (!name.endsWith('_old') && !shortened) return undefined;
  return 'it may hold the original rows of a destination the run swapped out; rename it back or drop it by hand';
}

const shown = (object: StagingObject) =>
  object.schema === undefined ? object.name : `${object.schema}.${object.name}`;

/**
 * Drops the staging objects of runs that are no longer running: those whose name has the
 * exact staging shape (`__sluice_<8 hex digits>_…`) and whose run tag no run holds. Anything
 * else is not touched; possible copies of original rows are reported as kept.
 */
export async function sweepStaging(
  objects: readonly StagingObject[],
  options: SweepOptions,
): Promise<StagingSweep> {
  const sweep: StagingSweep = { dropped: [], kept: [] };
  const cache = new Map<string, boolean>();
  const live = async (tag: string) => {
    if (!cache.has(tag)) cache.set(tag, await options.isLive(tag));
    return cache.get(tag) === true;
  };
  const dialect = getDialect(options.dialect);
  // Views first: a view over a staging table would keep some targets from dropping the table.
  const ordered = [...objects].sort(
    (a, b) => Number(a.kind === 'table') - Number(b.kind === 'table'),
  );
  for (const object of ordered) {
    const tag = stagingRunTag(object.name);
    if (tag === undefined) continue;
    if (await live(tag)) continue;
    const reason = keepReason(object, options.dialect);
    if (reason !== undefined) {
      sweep.kept.push({ name: shown(object), reason });
      continue;
    }
    try {
      await options.client.run(dialect.dropRelation(object));
      sweep.dropped.push(shown(object));
    } catch (error) {
      sweep.kept.push({
        name: shown(object),
        reason: `dropping it failed: ${databaseErrorText(error)}`,
      });
    }
  }
  for (const folder of options.folders) await sweepTempExports(folder, live, sweep);
  return sweep;
}

/**
 * Deletes the temporary export files (`<file>.sluice-<tag>-<stage>.tmp`, names.ts) of runs no
 * longer running under `folder`, its subfolders included (symlinks are not followed). A folder
 * that is gone is skipped: its external stage may point at a disk not mounted now.
 */
async function sweepTempExports(
  folder: string,
  live: (tag: string) => Promise<boolean>,
  sweep: StagingSweep,
): Promise<void> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const tag = entry.isFile() ? tempExportRunTag(entry.name) : undefined;
    if (tag === undefined || (await live(tag))) continue;
    const path = join(entry.parentPath, entry.name);
    try {
      await rm(path, { force: true });
      sweep.dropped.push(path);
    } catch (error) {
      sweep.kept.push({ name: path, reason: `deleting it failed: ${databaseErrorText(error)}` });
    }
  }
}
