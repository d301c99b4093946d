import type { ScanFileNode } from '@sluice/stages';

import type { ReadArgs } from '../dialects/base';
import type { LandedRule, StepContext } from './rule';

/**
 * A file, read in place by a reader where the database can (DuckDB), otherwise landed in a
 * staging table by the dialect's load: the MySQL family can only read a file that way. Either
 * way the database names the file's bad row.
 */
export const scanFileRule: LandedRule<ScanFileNode> = {
  kind: 'landed',
  expressions: () => [],
  columns: (node) => (node.columns.length > 0 ? node.columns : undefined),
  diagnose: (node, { dialect, ...ctx }) => dialect.loadLimits(node, ctx),
  files: (node) => [
    { ref: node.file, mode: 'read', ...(node.columns.length === 0 ? { detect: node.format } : {}) },
  ],
  land: (node, ctx) => ctx.dialect.loadFile({ table: ctx.table, ...readArgs(node, ctx) }),
  read: (node, ctx) => ctx.dialect.readInPlace(readArgs(node, ctx)),
  landing: readArgs,
};

function readArgs(
  node: ScanFileNode,
  { dialect, resolveFile, detectedColumns, sampleRows }: StepContext,
): ReadArgs {
  return {
    file: node.file,
    ...(dialect.databaseResolvesFiles ? {} : { local: resolveFile(node.file, 'read') }),
    format: node.format,
    columns: node.columns.length > 0 ? node.columns : (detectedColumns ?? []),
    ...(sampleRows === undefined ? {} : { sampleRows }),
  };
}
