import { rm } from 'node:fs/promises';
import { basename, dirname, posix } from 'node:path';

import type { Plan, PlanFile, PlanStep } from '@sluice/compiler';
import { stageUri } from '@sluice/compiler';

import type { FolderEntry } from './confined-files';
import { holdRealFolder, inRealFolder, openToRead, reasonOf } from './confined-files';
import { errorReason } from './error-details';

/** A step's file with the step's stage, so a problem is reported against the right stage. */
export interface StepFile {
  file: PlanFile;
  stageId?: string;
}

/** A file problem found before any step runs, with a message naming the external stage. */
export type FileProblem = StepFile & { message: string };

function filesOf(steps: readonly PlanStep[], mode: PlanFile['mode']): StepFile[] {
  return steps.flatMap((step) =>
    (step.files ?? [])
      .filter((file) => file.mode === mode)
      .map((file) => {
        const stageId = file.stageId ?? step.stageId;
        return stageId === undefined ? { file } : { file, stageId };
      }),
  );
}

/** What is wrong with one input file, or undefined when it is a file Sluice can read. */
async function inputProblem(ref: PlanFile['ref'], local: string): Promise<string | undefined> {
  try {
    await (await openToRead(local, stageUri(ref))).close();
    return undefined;
  } catch (error) {
    return errorReason(error);
  }
}

/** The first file the plan reads that is missing or unreadable; never throws. */
export async function findMissingInput(plan: Plan): Promise<FileProblem | undefined> {
  for (const entry of filesOf(plan.steps, 'read')) {
    const { ref, local } = entry.file;
    // No local path: the database resolves the file itself (MatrixOne's stage:// URLs).
    if (local === undefined) continue;
    const message = await inputProblem(ref, local);
    if (message !== undefined) return { ...entry, message };
  }
  return undefined;
}

/** An export Sluice writes under a temporary name and renames to its local path. */
export type TempExport = StepFile & { temp: string; local: string };

/** Export files the plan writes under a temporary name first (never MatrixOne's own). */
export function tempExports(plan: Plan): TempExport[] {
  return filesOf(plan.steps, 'write').flatMap((entry) => {
    const { temp, local } = entry.file;
    return temp === undefined || local === undefined ? [] : [{ ...entry, temp, local }];
  });
}

/**
 * The stage:// form of a file beside an export, named after it (its temporary file, the backup
 * of the file it replaces), so messages name it as the person sees it in the external stage.
 */
export function uriBeside({ ref }: PlanFile, path: string): string {
  return stageUri({ ...ref, path: posix.join(posix.dirname(ref.path), basename(path)) });
}

/**
 * The folder each temporary export file is made in, held open from before the first step until
 * the file is moved into place or deleted: a temporary file whose move was refused (its folder
 * moved away and a link put in its place) is still deleted where it is, not looked for along a
 * path that now leads elsewhere. Keyed by the plan's file, one object for the whole run.
 */
const tempFolders = new WeakMap<PlanFile, { entry: FolderEntry; close: () => Promise<void> }>();

/** Stops holding the folder of `entry`'s temporary file, once nothing is left to delete there. */
export async function releaseTempFolder(entry: TempExport): Promise<void> {
  const held = tempFolders.get(entry.file);
  tempFolders.delete(entry.file);
  await held?.close();
}

/**
 * Creates the folders temporary export files go to, inside the real folders checked when their
 * paths were resolved (never through a link put there since), and holds each open for the run;
 * returns the first folder that cannot be created, against its export's stage, instead of
 * throwing (the folders held so far are let go).
 */
export async function prepareExportFolders(plan: Plan): Promise<FileProblem | undefined> {
  const entries = tempExports(plan);
  for (const entry of entries) {
    const uri = stageUri(entry.file.ref);
    try {
      await releaseTempFolder(entry);
      tempFolders.set(
        entry.file,
        await holdRealFolder({ dir: dirname(entry.temp), uri, create: true }),
      );
    } catch (error) {
      await Promise.all(entries.map(releaseTempFolder));
      // The refusal names the file and says what stands in the way.
      return { ...entry, message: reasonOf(error) };
    }
  }
  return undefined;
}

/** Deletes `path`, a file in the real folder checked for `entry`'s export. */
export async function removeBeside(entry: TempExport, path: string): Promise<void> {
  const uri = uriBeside(entry.file, path);
  await inRealFolder({ dir: dirname(path), uri, create: false }, (at) =>
    rm(at(basename(path)), { force: true }),
  );
}

/**
 * Deletes a temporary export file in the folder it was made in, held since the run began; one
 * whose folder is no longer held was moved into place, and there is nothing left to delete.
 */
async function discardTemp(entry: TempExport): Promise<void> {
  const held = tempFolders.get(entry.file);
  if (held === undefined) return;
  try {
    await rm(held.entry(basename(entry.temp)), { force: true });
  } finally {
    await releaseTempFolder(entry);
  }
}

/**
 * Deletes the temporary export files not moved into place after a failed or cancelled run, each
 * in the folder `prepareExportFolders` holds for it.
 */
export async function discardExports(plan: Plan): Promise<void> {
  await Promise.all(tempExports(plan).map(discardTemp));
}
