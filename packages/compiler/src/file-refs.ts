import type { FlowDocument } from '@sluice/flow';
import type { FileFormat, FileRef, StageOp, TableRef } from '@sluice/stages';
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
  return stageOps(doc).flatMap(({ stageId, op }): StageFileRef[] => {
    if (op.kind === 'load-file') {
      const detect = op.columns.length === 0 ? { detect: op.format } : {};
      return [{ stageId, ref: op.file, mode: 'read', ...detect }];
    }
    if (op.kind === 'export-file') return [{ stageId, ref: op.file, mode: 'write' }];
    return [];
  });
}

/**
 * The tables a flow's destinations write, from stages whose config is valid, so the server can
 * ask the target which exist before a run (passed back as `CompileOptions.existingTables`).
 */
export function destinationTables(doc: FlowDocument): TableRef[] {
  return stageOps(doc).flatMap(({ op }) => (op.kind === 'write-table' ? [op.table] : []));
}

/** The op of every stage whose config is valid, in document order. */
function stageOps(doc: FlowDocument): { stageId: string; op: StageOp }[] {
  const analysis = analyzeFlow(doc);
  return doc.stages.flatMap((stage) => {
    const definition = getStage(stage.type);
    const config = analysis.configs[stage.id];
    if (!definition || !config) return [];
    const inputs = inputColumns(doc.links, stage.id, analysis.columns);
    return [{ stageId: stage.id, op: definition.compile({ stageId: stage.id, config, inputs }) }];
  });
}
