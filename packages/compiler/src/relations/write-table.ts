import type { WriteTableNode } from '@sluice/stages';
import { diagnostic } from '@sluice/flow';

import type { SinkRule } from './rule';
import { reservedSchema } from './reserved-schema';
import { ownSteps, sinkPort } from './rule';

/** A table destination: the dialect writes it (MySQL through a shadow table swapped in). */
export const writeTableRule: SinkRule<WriteTableNode> = {
  kind: 'sink',
  expressions: () => [],
  tables: (node) => [node.table],
  check: (node, { metadataSchema }) => reservedSchema(node.table, metadataSchema),
  diagnose: (node, { dialect, ...ctx }) => [
    ...missingTable(node, ctx.tableExists(node.table)),
    ...dialect.writeLimits(node, ctx),
  ],
  steps: (node, ctx) => {
    const port = sinkPort(node.input);
    const write = ctx.dialect.writeTable({
      stageId: ctx.stageId,
      runTag: ctx.runTag,
      source: ctx.relationOf(port),
      query: ctx.dialect.select(ctx.queryOf(port)),
      table: node.table,
      mode: node.mode,
      createIfMissing: node.createIfMissing,
      columns: ctx.columnsOf(port),
      exists: ctx.tableExists(node.table),
    });
    return {
      steps: ownSteps(ctx.stageId, write.steps),
      ...(write.staged ? { staged: write.staged } : {}),
      ...(write.swap ? { swap: write.swap } : {}),
    };
  },
};

/**
 * A destination that must exist and does not. Only a run knows (`existingTables`); previews
 * compile as before, and the plan's own check or write fails if the table is still missing.
 */
function missingTable(node: WriteTableNode, exists: boolean | undefined) {
  if (node.createIfMissing || exists !== false) return [];
  const { schema, name } = node.table;
  const table = schema ? `${schema}.${name}` : name;
  return [diagnostic('missing-table', { table }, { path: ['createIfMissing'] })];
}
