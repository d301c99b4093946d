import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Plan, PlanFile, PlanStep } from '@sluice/compiler';

import { errorCode, errorReason } from './error-details';

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
  const named = `File "${ref.path}" of external stage "${ref.externalStage}"`;
  try {
    if ((await stat(local)).isFile()) return undefined;
    return `${named} is not a file (looked at ${local}). Pick a file, not a folder.`;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return `${named} does not exist (looked for ${local}). Upload it or fix the path.`;
    }
    return (
      `${named} cannot be read (${local}): ${errorReason(error)}. ` +
      'Check that Sluice may read the folder.'
    );
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
 * Creates the folders temporary export files go to (their paths were checked when resolved);
 * returns the first folder that cannot be created, against its export's stage, instead of
 * throwing.
 */
export async function prepareExportFolders(plan: Plan): Promise<FileProblem | undefined> {
  for (const entry of tempExports(plan)) {
    const folder = dirname(entry.temp);
    const { ref } = entry.file;
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      const message =
        `Cannot create the folder ${folder} for "${ref.path}" of external stage ` +
        `"${ref.externalStage}": ${errorReason(error)}. Check that Sluice may write there.`;
      return { ...entry, message };
    }
  }
  return undefined;
}

/** Deletes temporary export files after a failed or cancelled run. */
export async function discardExports(plan: Plan): Promise<void> {
  await Promise.all(tempExports(plan).map(({ temp }) => rm(temp, { force: true })));
}
