import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { FlowAnalysis, ResolveFile, StageFileRef } from '@sluice/compiler';
import type { StagePlace, Target } from '@sluice/engine';
import type { Column, FileRef } from '@sluice/stages';
import { fileRefs, stageUri } from '@sluice/compiler';
import { ColumnDetectionError, FileAccessError, resolveExternalFile } from '@sluice/engine';

import type { ExternalStageRecord } from '../external-stages/external-stage-types';
import { rootOf } from '../external-stages/stage-chain';
import { stageRefusal } from './stage-refusal';

type FileMode = 'read' | 'write';

const keyOf = (ref: FileRef, mode: FileMode): string =>
  JSON.stringify([mode, ref.externalStage, ref.path]);

/**
 * The local file behind a `stage://` reference: sub-stages resolve to their parent's folder plus
 * their sub path; S3 external stages have none (`undefined`).
 */
async function localFile(
  ref: FileRef,
  mode: FileMode,
  opts: { externalStages: readonly ExternalStageRecord[]; fileRoots: readonly string[] },
): Promise<string | undefined> {
  const root = rootOf(ref.externalStage, opts.externalStages);
  if (root.stage.url.startsWith('s3://')) return undefined;
  return resolveExternalFile({
    url: root.stage.url,
    path: `${root.prefix}${ref.path}`,
    mode,
    allowedRoots: opts.fileRoots,
    ref,
  });
}

/** The flow's file references, or only the files `readsOf`'s stages read. */
function refsOf(analysis: FlowAnalysis, readsOf: ReadonlySet<string> | undefined): StageFileRef[] {
  const refs = fileRefs(analysis);
  return readsOf ? refs.filter((r) => r.mode === 'read' && readsOf.has(r.stageId)) : refs;
}

/**
 * Resolves every file a flow reads or writes to a local path inside the allowed roots, before
 * the pure compiler runs: DuckDB and MySQL-family servers get their files from Sluice. A refused
 * file fails with the engine's message, tied to its stage; so does a file of an S3 external
 * stage, which only MatrixOne reads. Files of unknown external stages are left out;
 * `unknownExternalStages` reports those.
 */
export async function resolveFlowFiles(
  analysis: FlowAnalysis,
  opts: {
    externalStages: readonly ExternalStageRecord[];
    fileRoots: readonly string[];
    /** Only the files these stages read (a data preview, which writes none). */
    readsOf?: ReadonlySet<string>;
  },
): Promise<ResolveFile> {
  const known = new Set(opts.externalStages.map((stage) => stage.name));
  const resolved = new Map<string, string>();
  const doc = analysis.document;
  for (const { stageId, ref, mode } of refsOf(analysis, opts.readsOf)) {
    if (!known.has(ref.externalStage)) continue;
    try {
      const local = await localFile(ref, mode, opts);
      if (local === undefined) {
        const message = `external stage "${ref.externalStage}" is on S3, and only MatrixOne reads S3 external stages here. Use a file:// external stage, or run Sluice on MatrixOne.`;
        throw stageRefusal(doc, { stageId, field: 'externalStage', message });
      }
      resolved.set(keyOf(ref, mode), local);
    } catch (error) {
      if (!(error instanceof FileAccessError)) throw error;
      throw stageRefusal(doc, { stageId, field: 'path', message: error.message });
    }
  }
  return (ref, mode) => resolved.get(keyOf(ref, mode)) ?? stageUri(ref);
}

/**
 * The local file of a source whose columns are to be detected on MatrixOne, where the server
 * reads files itself: only a `file://` folder inside Sluice's file roots is readable here too.
 */
async function readableHere(
  ref: FileRef,
  opts: { externalStages: readonly ExternalStageRecord[]; fileRoots: readonly string[] },
): Promise<string | undefined> {
  try {
    return await localFile(ref, 'read', opts);
  } catch (error) {
    if (error instanceof FileAccessError) return undefined;
    throw error;
  }
}

/**
 * Detects the columns of every file read without declared ones, so the compiled load reads it
 * strictly and staging tables get their columns. A file the database cannot sniff (empty,
 * binary) refuses the run on its stage's columns, with the reason; on MatrixOne a file Sluice
 * cannot read (S3, or a folder outside its file roots) refuses it asking for declared columns.
 */
export async function detectFlowColumns(
  analysis: FlowAnalysis,
  opts: {
    /** Absent on MatrixOne, where Sluice reads a file only when its folder is in its roots. */
    resolveFile?: ResolveFile;
    externalStages: readonly ExternalStageRecord[];
    fileRoots: readonly string[];
    detect: Target['detectColumns'];
    /** Only the files these stages read (see `resolveFlowFiles`). */
    readsOf?: ReadonlySet<string>;
  },
): Promise<Record<string, Column[]>> {
  const detected: Record<string, Column[]> = {};
  const doc = analysis.document;
  for (const { stageId, ref, detect } of refsOf(analysis, opts.readsOf)) {
    if (!detect) continue;
    const uri = stageUri(ref);
    const local = opts.resolveFile ? opts.resolveFile(ref, 'read') : await readableHere(ref, opts);
    if (local === undefined) {
      const message = `Sluice cannot read ${uri} to detect its columns (MatrixOne reads it on its own server); declare the columns of this source.`;
      throw stageRefusal(doc, { stageId, field: 'columns', message });
    }
    try {
      detected[stageId] = await opts.detect(local, detect, uri);
    } catch (error) {
      if (!(error instanceof ColumnDetectionError)) throw error;
      const message = `could not read the columns of ${uri}: ${error.reason}`;
      throw stageRefusal(doc, { stageId, field: 'columns', message });
    }
  }
  return detected;
}

/** The local folder of a `file://` external stage (a sub-stage's inside its parent's), if any. */
function folderOf(
  name: string,
  externalStages: readonly ExternalStageRecord[],
): string | undefined {
  try {
    const root = rootOf(name, externalStages);
    if (!root.stage.url.startsWith('file://')) return undefined;
    return join(fileURLToPath(root.stage.url), root.prefix);
  } catch {
    // A broken stage:// chain or URL holds no files: a run using it is refused on its own.
    return undefined;
  }
}

/**
 * The local folder of each `file://` external stage with the stage:// form it stands for
 * (`stage://<name>/`), as its URL writes it and with symlinks resolved (a run's files are named
 * by their real paths), so `inStageTerms` can name every file of a run, its temporary files
 * included, as the person knows it.
 */
export async function stageFolderPlaces(
  externalStages: readonly ExternalStageRecord[],
): Promise<StagePlace[]> {
  const places = await Promise.all(
    externalStages.map(async ({ name }) => {
      const folder = folderOf(name, externalStages);
      if (folder === undefined) return [];
      const uri = `stage://${name}/`;
      const real = await realpath(folder).catch(() => folder);
      const withSlash = (dir: string) => (dir.endsWith(sep) ? dir : `${dir}${sep}`);
      return [...new Set([folder, real])].map((dir) => ({ local: withSlash(dir), uri }));
    }),
  );
  return places.flat();
}
