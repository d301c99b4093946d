import type { ScanTableNode } from '@sluice/stages';

import type { QueryRule } from './rule';
import { reservedSchema } from './reserved-schema';
import { selectAll } from './select-query';

/**
 * A table of the target, read where it is. Its columns are the catalogue's, which the analysis
 * is given (`detectedColumns`) as it is for files without declared columns.
 */
export const scanTableRule: QueryRule<ScanTableNode> = {
  kind: 'query',
  expressions: () => [],
  columns: () => undefined,
  reads: (node) => [node.table],
  check: (node, { metadataSchema }) => reservedSchema(node.table, metadataSchema),
  diagnose: (node, { dialect }) => dialect.scanLimits(node),
  render: (node, { dialect }) => selectAll(dialect.tableAt(node.table, node.snapshot)),
};
