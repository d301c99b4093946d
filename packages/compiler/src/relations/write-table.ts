import type { Diagnostic } from '@sluice/flow';
import type { Columns, TableDefinition, WriteTableNode } from '@sluice/stages';
import { diagnostic } from '@sluice/flow';

import type { SinkRule } from './rule';
import { reservedSchema } from './reserved-schema';
import { ownSteps, sinkPort } from './rule';
import { hasUniqueKey, keepsDefinition, missingColumns } from './table-fit';

/** A table destination: the dialect writes it (MySQL through a shadow table swapped in). */
export const writeTableRule: SinkRule<WriteTableNode> = {
  kind: 'sink',
  expressions: () => [],
  tables: (node) => [node.table],
  replaces: (node) => node.mode === 'overwrite',
  check: (node, { metadataSchema }) => reservedSchema(node.table, metadataSchema),
  diagnose: (node, { dialect, ...ctx }) => {
    const definition = ctx.definitionOf(node.table);
    return [
      ...missingTable(node, ctx.tableExists(node.table)),
      ...(definition
        ? definitionLimits(node, definition, ctx.columnsOf(sinkPort(node.input)))
        : []),
      ...dialect.writeLimits(node, ctx),
    ];
  },
  steps: (node, ctx) => {
    const port = sinkPort(node.input);
    const columns = ctx.columnsOf(port);
    const landing = ctx.landingOf?.(port);
    const write = ctx.dialect.writeTable({
      stageId: ctx.stageId,
      runTag: ctx.runTag,
      ...(landing
        ? { landing }
        : { source: ctx.relationOf(port), query: ctx.dialect.select(ctx.queryOf(port)) }),
      table: node.table,
      mode: node.mode,
      keys: node.keys ?? [],
      createIfMissing: node.createIfMissing,
      columns,
      exists: ctx.tableExists(node.table),
      keepDefinition: keepsDefinition(node, ctx.definitionOf(node.table), columns),
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
  return [diagnostic('missing-table', { table: tableName(node) }, { path: ['createIfMissing'] })];
}

/**
 * What the existing table's definition means for the write: an upsert needs a key on its key
 * columns (MySQL-family targets would add duplicates without one, DuckDB refuses), and an
 * overwrite the table cannot take is made anew, which a person should hear about first.
 */
function definitionLimits(
  node: WriteTableNode,
  definition: TableDefinition,
  columns: Columns,
): Diagnostic[] {
  const keys = node.keys ?? [];
  if (node.mode === 'upsert' && !hasUniqueKey(definition, keys)) {
    return [diagnostic('no-unique-key', { table: tableName(node), keys }, { path: ['keys'] })];
  }
  const missing = node.mode === 'overwrite' ? missingColumns(definition, columns) : [];
  if (missing.length === 0) return [];
  return [
    diagnostic(
      'overwrite-recreates',
      { table: tableName(node), columns: missing },
      { path: ['mode'] },
    ),
  ];
}

function tableName(node: WriteTableNode): string {
  const { schema, name } = node.table;
  return schema ? `${schema}.${name}` : name;
}
