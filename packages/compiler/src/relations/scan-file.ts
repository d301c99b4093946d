import type { ScanFileNode } from '@sluice/stages';

import type { LandedRule } from './rule';

/**
 * A file, landed in a staging table by the dialect's load: the MySQL family can only read a file
 * that way, and the load names the file's bad row on every target.
 */
export const scanFileRule: LandedRule<ScanFileNode> = {
  kind: 'landed',
  expressions: () => [],
  columns: (node) => (node.columns.length > 0 ? node.columns : undefined),
  diagnose: (node, { dialect, ...ctx }) => dialect.loadLimits(node, ctx),
  files: (node) => [
    { ref: node.file, mode: 'read', ...(node.columns.length === 0 ? { detect: node.format } : {}) },
  ],
  land: (node, { dialect, table, resolveFile, detectedColumns, sampleRows }) =>
    dialect.loadFile({
      table,
      file: node.file,
      ...(dialect.databaseResolvesFiles ? {} : { local: resolveFile(node.file, 'read') }),
      format: node.format,
      columns: node.columns.length > 0 ? node.columns : (detectedColumns ?? []),
      ...(sampleRows === undefined ? {} : { sampleRows }),
    }),
};
