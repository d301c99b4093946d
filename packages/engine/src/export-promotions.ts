import { rename, rm } from 'node:fs/promises';

import type { TempExport } from './plan-files';
import { errorCode, errorReason } from './error-details';

/** One export being moved into place: where the file it replaced waits, and whether it moved. */
interface Promotion {
  entry: TempExport;
  backup?: string;
  placed: boolean;
}

/** Beside the temporary file, so it is on the same file system and carries the run's tag. */
const backupOf = (entry: TempExport) => `${entry.temp.replace(/\.tmp$/, '')}.previous`;

/**
 * Moves a run's exports from their temporary names into place before the run commits, keeping
 * each file they replace under a backup name, so a failure up to the commit can put every file
 * back as it was. After the commit the backups are deleted.
 */
export class ExportPromotions {
  private readonly promotions: Promotion[] = [];

  /** Moves one export into place; the error names both paths. */
  async promote(entry: TempExport): Promise<void> {
    const promotion: Promotion = { entry, placed: false };
    this.promotions.push(promotion);
    const backup = backupOf(entry);
    try {
      await rename(entry.local, backup);
      promotion.backup = backup;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw notMoved(entry, error);
    }
    try {
      await rename(entry.temp, entry.local);
      promotion.placed = true;
    } catch (error) {
      throw notMoved(entry, error);
    }
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
        if (backup !== undefined) await rename(backup, entry.local);
        else if (placed) await rm(entry.local, { force: true });
      } catch (error) {
        const kept = backup === undefined ? '' : ` The earlier file is kept at ${backup}.`;
        errors.push(`Cannot restore ${entry.local}: ${errorReason(error)}.${kept}`);
      }
    }
    return errors;
  }

  /** Deletes the backups once the run has committed; returns the ones that could not go. */
  async dropBackups(): Promise<string[]> {
    const errors: string[] = [];
    for (const { backup } of this.promotions.splice(0)) {
      if (backup === undefined) continue;
      await rm(backup, { force: true }).catch((error: unknown) => {
        errors.push(`Cannot delete the earlier export kept at ${backup}: ${errorReason(error)}`);
      });
    }
    return errors;
  }
}

function notMoved(entry: TempExport, error: unknown): Error {
  return new Error(
    `The export was written to ${entry.temp} but could not be moved to ${entry.local}: ` +
      errorReason(error),
    { cause: error },
  );
}
