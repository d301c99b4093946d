import type { DuckDbClient } from '@sluice/engine';
import type { FlowDocument } from '@sluice/flow';
import type { Column, FileRef } from '@sluice/stages';
import { fileRefs, stageUri } from '@sluice/compiler';
import {
  ColumnDetectionError,
  detectCsvColumns,
  FileAccessError,
  resolveExternalFile,
} from '@sluice/engine';
import { diagnostic } from '@sluice/flow';

import type { ExternalStageRecord } from '../repos/external-stages.repo';
import { InvalidRequestError } from '../errors';

type FileMode = 'read' | 'write';

const keyOf = (ref: FileRef, mode: FileMode): string =>
  JSON.stringify([mode, ref.externalStage, ref.path]);

/** Refuses the run over one stage's setting: the message names the stage, the diagnostic marks the field. */
function stageRefusal(
  doc: FlowDocument,
  problem: { stageId: string; field: string; message: string },
): InvalidRequestError {
  const { stageId, field, message } = problem;
  const label = doc.stages.find((stage) => stage.id === stageId)?.label ?? '';
  return new InvalidRequestError(`Stage "${label === '' ? stageId : label}": ${message}`, [
    diagnostic('invalid-config', { message }, { stageId, path: [field] }),
  ]);
}

/**
 * Resolves every file a flow reads or writes to a local path inside the allowed roots, before
 * the pure compiler runs. A refused file fails with the engine's message, tied to its stage.
 * Files of unknown external stages are left out; `unknownExternalStages` reports those.
 */
export async function resolveFlowFiles(
  doc: FlowDocument,
  opts: { externalStages: readonly ExternalStageRecord[]; fileRoots: readonly string[] },
): Promise<(ref: FileRef, mode: FileMode) => string> {
  const urls = new Map(opts.externalStages.map((stage) => [stage.name, stage.url]));
  const resolved = new Map<string, string>();
  for (const { stageId, ref, mode } of fileRefs(doc)) {
    const url = urls.get(ref.externalStage);
    if (url === undefined) continue;
    try {
      const local = await resolveExternalFile({
        url,
        path: ref.path,
        mode,
        allowedRoots: opts.fileRoots,
      });
      resolved.set(keyOf(ref, mode), local);
    } catch (error) {
      if (!(error instanceof FileAccessError)) throw error;
      throw stageRefusal(doc, { stageId, field: 'path', message: error.message });
    }
  }
  return (ref, mode) => resolved.get(keyOf(ref, mode)) ?? stageUri(ref);
}

/**
 * Detects the columns of every file read without declared ones, so the compiled load reads it
 * strictly and a malformed row fails with its line number. A file DuckDB cannot sniff (empty,
 * binary) refuses the run on its stage's columns, with DuckDB's reason.
 */
export async function detectFlowColumns(
  doc: FlowDocument,
  opts: { resolveFile: (ref: FileRef, mode: FileMode) => string; client: DuckDbClient },
): Promise<Record<string, Column[]>> {
  const detected: Record<string, Column[]> = {};
  for (const { stageId, ref, detect } of fileRefs(doc)) {
    if (!detect) continue;
    const local = opts.resolveFile(ref, 'read');
    try {
      detected[stageId] = await detectCsvColumns(opts.client, local, detect);
    } catch (error) {
      if (!(error instanceof ColumnDetectionError)) throw error;
      const uri = stageUri(ref);
      // DuckDB names the local file; the person knows it by its stage:// reference.
      const reason = error.reason.replaceAll(local, uri);
      const message = `could not read the columns of ${uri}: ${reason}`;
      throw stageRefusal(doc, { stageId, field: 'columns', message });
    }
  }
  return detected;
}
