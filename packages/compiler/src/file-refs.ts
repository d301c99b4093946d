import type { FileFormat, FileRef, TableRef } from '@sluice/stages';

import type { FlowAnalysis } from './analyze-flow';
import { nodeFiles, nodeReads, nodeTables } from './relations/walk';

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
export function fileRefs(analysis: FlowAnalysis): StageFileRef[] {
  return stageNodes(analysis).flatMap(({ stageId, node }) =>
    nodeFiles(node).map((file) => ({ stageId, ...file })),
  );
}

/**
 * The tables a flow's destinations write, from stages whose config is valid, so the server can
 * ask the target which exist before a run (passed back as `CompileOptions.existingTables`).
 */
export function destinationTables(analysis: FlowAnalysis): TableRef[] {
  return stageNodes(analysis).flatMap(({ node }) => nodeTables(node));
}

/** The table each destination stage writes, so what a run left there can be read back. */
export function stageDestinationTables(analysis: FlowAnalysis): StageTableRef[] {
  return stageNodes(analysis).flatMap(({ stageId, node }) =>
    nodeTables(node).map((table) => ({ stageId, table })),
  );
}

/** A table a stage reads or writes, whose columns the target's catalogue gives. */
export interface StageTableRef {
  stageId: string;
  table: TableRef;
}

/**
 * The tables a flow's sources read, from stages whose config is valid, so the editor and a run
 * can read their columns from the target's catalogue (passed back as `detectedColumns`).
 */
export function sourceTables(analysis: FlowAnalysis): StageTableRef[] {
  return stageNodes(analysis).flatMap(({ stageId, node }) =>
    nodeReads(node).map((table) => ({ stageId, table })),
  );
}

/** The node of every stage whose config is valid, in document order. */
function stageNodes(analysis: FlowAnalysis) {
  return analysis.document.stages.flatMap((stage) => {
    const analysed = analysis.stages[stage.id];
    return analysed ? [{ stageId: stage.id, node: analysed.node }] : [];
  });
}
