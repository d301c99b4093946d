import { rm } from 'node:fs/promises';
import { basename, dirname, posix } from 'node:path';

import type { Plan, PlanFile, PlanStep } from '@sluice/compiler';
import { stageUri } from '@sluice/compiler';

import { inRealFolder, openToRead, reasonOf } from './confined-files';
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
      .map((file) => (step.stageId === undefined ? { file } : { file, stageId: step.stageId })),
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
 * Creates the folders temporary export files go to, inside the real folders checked when their
 * paths were resolved (never through a link put there since); returns the first folder that
 * cannot be created, against its export's stage, instead of throwing.
 */
export async function prepareExportFolders(plan: Plan): Promise<FileProblem | undefined> {
  for (const entry of tempExports(plan)) {
    const uri = stageUri(entry.file.ref);
    try {
      await inRealFolder({ dir: dirname(entry.temp), uri, create: true }, () => Promise.resolve());
    } catch (error) {
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

/** Deletes temporary export files after a failed or cancelled run. */
export async function discardExports(plan: Plan): Promise<void> {
  await Promise.all(tempExports(plan).map((entry) => removeBeside(entry, entry.temp)));
}
