import type { FlowDocument } from '@sluice/flow';
import type { FileFormat, FileRef } from '@sluice/stages';
import { getStage } from '@sluice/stages';

import { analyzeFlow, inputColumns } from './analyze-flow';

/** A file a stage reads or writes. */
export interface StageFileRef {
  stageId: string;
  ref: FileRef;
  mode: 'read' | 'write';
  /** For files read without declared columns: the format to detect them with. */
  detect?: FileFormat;
}

/**
 * The files a flow reads and writes, from stages whose config is valid, so the server can check
 * external stages and files exist before a run, and detect the columns of files read without
 * declared ones (passed back as `CompileOptions.detectedColumns`).
 */
export function fileRefs(doc: FlowDocument): StageFileRef[] {
  const analysis = analyzeFlow(doc);
  return doc.stages.flatMap((stage): StageFileRef[] => {
    const definition = getStage(stage.type);
    const config = analysis.configs[stage.id];
    if (!definition || !config) return [];
    const inputs = inputColumns(doc.links, stage.id, analysis.columns);
    const op = definition.compile({ stageId: stage.id, config, inputs });
    if (op.kind === 'load-file') {
      const detect = op.columns.length === 0 ? { detect: op.format } : {};
      return [{ stageId: stage.id, ref: op.file, mode: 'read', ...detect }];
    }
    if (op.kind === 'export-file') return [{ stageId: stage.id, ref: op.file, mode: 'write' }];
    return [];
  });
}
