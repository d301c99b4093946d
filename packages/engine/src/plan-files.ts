import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Plan, PlanFile, PlanStep } from '@sluice/compiler';

/** A step's file with the step's stage, so a problem is reported against the right stage. */
export interface StepFile {
  file: PlanFile;
  stageId?: string;
}

function filesOf(steps: readonly PlanStep[], mode: PlanFile['mode']): StepFile[] {
  return steps.flatMap((step) =>
    (step.files ?? [])
      .filter((file) => file.mode === mode)
      .map((file) => (step.stageId === undefined ? { file } : { file, stageId: step.stageId })),
  );
}

/** The first file the plan reads that is missing, with a message naming the external stage. */
export async function findMissingInput(
  plan: Plan,
): Promise<(StepFile & { message: string }) | undefined> {
  for (const entry of filesOf(plan.steps, 'read')) {
    const { ref, local } = entry.file;
    // No local path: the database resolves the file itself (MatrixOne's stage:// URLs).
    if (local === undefined) continue;
    const found = await stat(local).catch(() => undefined);
    if (found?.isFile()) continue;
    const message =
      `File "${ref.path}" of external stage "${ref.externalStage}" does not exist ` +
      `(looked for ${local}). Upload it or fix the path.`;
    return { ...entry, message };
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

/** Creates the folders temporary export files go to (their paths were checked when resolved). */
export async function prepareExportFolders(plan: Plan): Promise<void> {
  const folders = new Set(tempExports(plan).map(({ temp }) => dirname(temp)));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
}

/** Moves one export from its temporary name to its final path; the error says which. */
export async function promoteExport(entry: TempExport): Promise<void> {
  try {
    await rename(entry.temp, entry.local);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The export was written to ${entry.temp} but could not be moved to ${entry.local}: ${reason}`,
      { cause: error },
    );
  }
}

/** Deletes temporary export files after a failed or cancelled run. */
export async function discardExports(plan: Plan): Promise<void> {
  await Promise.all(tempExports(plan).map(({ temp }) => rm(temp, { force: true })));
}
