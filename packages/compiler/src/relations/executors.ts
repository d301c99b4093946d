import type {
  CloneNode,
  CreateSnapshotNode,
  RestoreSnapshotNode,
  SqlStatementNode,
} from '@sluice/stages';
import { diagnostic } from '@sluice/flow';

import type { DialectStep } from '../dialects';
import type { SinkRule, StepContext } from './rule';
import { checkSqlStatement, statementText } from '../check-statement';
import { reservedSchema } from './reserved-schema';
import { ownSteps } from './rule';

/**
 * Executors: side effects with no rows, ordered after the stages linked into them. Clones,
 * snapshots and restores run once the run's writes have committed (MatrixOne refuses snapshots
 * and restores inside a transaction, sql-reference.md §6, and a clone of what the run wrote
 * must see it committed); a SQL statement runs where its stage says.
 */

/** Statements that run after the commit, on their own, never undone. */
function afterCommit(ctx: StepContext, kind: string, statements: readonly string[]) {
  const steps = statements.map((sql, i): DialectStep => ({
    kind: statements.length === 1 ? kind : `${kind}-${String(i + 1)}`,
    phase: 'after-commit',
    sql,
    inTransaction: false,
  }));
  return { steps: ownSteps(ctx.stageId, steps) };
}

export const cloneRule: SinkRule<CloneNode> = {
  kind: 'sink',
  expressions: () => [],
  check: (node, { metadataSchema }) => [
    ...reservedSchema(node.source, metadataSchema).map((d) => ({ ...d, path: ['sourceSchema'] })),
    ...reservedSchema(node.target, metadataSchema).map((d) => ({ ...d, path: ['targetSchema'] })),
  ],
  diagnose: (node, { dialect }) => dialect.cloneLimits(node),
  steps: (node, ctx) => afterCommit(ctx, 'clone', ctx.dialect.cloneTable(node)),
};

export const createSnapshotRule: SinkRule<CreateSnapshotNode> = {
  kind: 'sink',
  expressions: () => [],
  diagnose: (node, { dialect }) => dialect.snapshotLimits(node),
  steps: (node, ctx) => afterCommit(ctx, 'snapshot', [ctx.dialect.createSnapshot(node)]),
};

export const restoreSnapshotRule: SinkRule<RestoreSnapshotNode> = {
  kind: 'sink',
  expressions: () => [],
  diagnose: (node, { dialect }) => dialect.snapshotLimits(node),
  steps: (node, ctx) => afterCommit(ctx, 'restore', [ctx.dialect.restoreSnapshot(node)]),
};

export const sqlStatementRule: SinkRule<SqlStatementNode> = {
  kind: 'sink',
  expressions: () => [],
  check: (node, { metadataSchema }) => {
    const checked = checkSqlStatement(node.sql, { metadataSchema });
    if (!('problem' in checked)) return [];
    return [diagnostic('invalid-sql', { message: checked.problem }, { path: node.path })];
  },
  steps: (node, ctx) => {
    const sql = statementText(node.sql);
    if (node.runs === 'after-commit') return afterCommit(ctx, 'statement', [sql]);
    const step: DialectStep = {
      kind: 'statement',
      phase: ctx.dialect.insidePhase,
      sql,
      inTransaction: true,
    };
    return { steps: ownSteps(ctx.stageId, [step]) };
  },
};
