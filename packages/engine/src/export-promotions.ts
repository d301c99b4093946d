import { rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

import { stageUri } from '@sluice/compiler';

import type { TempExport } from './plan-files';
import { inRealFolder, reasonOf } from './confined-files';
import { errorCode } from './error-details';
import { FileAccessError } from './file-access-error';
import { releaseTempFolder, removeBeside, uriBeside } from './plan-files';

/** One export being moved into place: where the file it replaced waits, and whether it moved. */
interface Promotion {
  entry: TempExport;
  backup?: string;
  placed: boolean;
}

/** Beside the temporary file, so it is on the same file system and carries the run's tag. */
const backupOf = (entry: TempExport) => `${entry.temp.replace(/\.tmp$/, '')}.previous`;

/**
 * Renames `from` to `to` (both beside the export, in one folder) inside the real folder checked
 * for the export: a folder swapped for a link since is refused, and nothing moves through it.
 */
async function renameBeside(entry: TempExport, from: string, to: string): Promise<void> {
  const folder = dirname(entry.local);
  const uri = stageUri(entry.file.ref);
  if (dirname(from) !== folder || dirname(to) !== folder) {
    throw new Error(`The temporary files of ${uri} are not beside it.`);
  }
  await inRealFolder({ dir: folder, uri, create: false }, (at) =>
    rename(at(basename(from)), at(basename(to))),
  );
}

/**
 * Moves a run's exports from their temporary names into place before the run commits, keeping
 * each file they replace under a backup name, so a failure up to the commit can put every file
 * back as it was. After the commit the backups are deleted. Every rename and delete goes through
 * the real folder checked for the export, so a folder swapped for a link is refused.
 */
export class ExportPromotions {
  private readonly promotions: Promotion[] = [];

  /** Moves one export into place; the error names both files by their stage:// form. */
  async promote(entry: TempExport): Promise<void> {
    const promotion: Promotion = { entry, placed: false };
    this.promotions.push(promotion);
    const backup = backupOf(entry);
    try {
      await renameBeside(entry, entry.local, backup);
      promotion.backup = backup;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw notMoved(entry, error);
    }
    try {
      await renameBeside(entry, entry.temp, entry.local);
      promotion.placed = true;
    } catch (error) {
      throw notMoved(entry, error);
    }
    await releaseTempFolder(entry);
  }

  /**
   * Puts every file back as it was before the run: each replaced file returns from its backup,
   * each file the run created is removed. Returns what could not be put back, naming the backup
   * that still holds the earlier file.
   */
  async restore(): Promise<string[]> {
    const errors: string[] = [];
    for (const { entry, backup, placed } of this.promotions.splice(0).reverse()) {
      try {
        if (backup !== undefined) await renameBeside(entry, backup, entry.local);
        else if (placed) await removeBeside(entry, entry.local);
      } catch (error) {
        const kept =
          backup === undefined
            ? ''
            : ` The earlier file is kept at ${uriBeside(entry.file, backup)}.`;
        errors.push(`Cannot restore ${stageUri(entry.file.ref)}: ${reasonOf(error)}.${kept}`);
      }
    }
    return errors;
  }

  /** Deletes the backups once the run has committed; returns the ones that could not go. */
  async dropBackups(): Promise<string[]> {
    const errors: string[] = [];
    for (const { entry, backup } of this.promotions.splice(0)) {
      if (backup === undefined) continue;
      await removeBeside(entry, backup).catch((error: unknown) => {
        const kept = uriBeside(entry.file, backup);
        errors.push(`Cannot delete the earlier export kept at ${kept}: ${reasonOf(error)}`);
      });
    }
    return errors;
  }
}

/** A refused folder says so itself; any other failure names both files. */
function notMoved(entry: TempExport, error: unknown): Error {
  if (error instanceof FileAccessError) return error;
  return new Error(
    `The export was written to ${uriBeside(entry.file, entry.temp)} but could not be moved to ` +
      `${stageUri(entry.file.ref)}: ${reasonOf(error)}.`,
    { cause: error },
  );
}
