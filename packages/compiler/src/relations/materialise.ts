import type { StageNode } from '@sluice/stages';

import type { DialectStep } from '../dialects';
import type { RenderContext, StageSteps, StepContext } from './rule';
import type { SelectQuery } from './select-query';
import { stagingName } from '../names';
import { ruleOf } from './operators';
import { ownSteps } from './rule';

/**
 * The steps of one stage: a sink writes, and a relation is materialised.
 *
 * This is the one place that decides what to materialise. The policy: every stage's output is
 * staged on its own, a relation that only exists landed (a file) as a staging table and any
 * other as a view, so the database binds and counts each stage by itself and an error lands on
 * the stage that caused it. A faster policy (inlining a relation read once into its reader)
 * changes this function and the readers' `source`, never a stage module. A data preview
 * (`sampleRows`) stages each relation as a table instead: a view only runs when read, so a
 * value a stage cannot convert would fail the preview's last SELECT, not the stage's own
 * statement; on a sample, a table costs little.
 */
export function stepsForStage(node: StageNode, ctx: StepContext): StageSteps {
  const rule = ruleOf(node);
  if (rule.kind === 'sink') return rule.steps(node, ctx);
  const { stageId, dialect } = ctx;
  const staged = stagingName(ctx.runTag, stageId);
  if (rule.kind === 'landed') {
    const steps = rule.land(node, { ...ctx, table: staged });
    return { steps: ownSteps(stageId, steps), output: { name: staged, kind: 'table' } };
  }
  const kind = ctx.sampleRows === undefined ? 'view' : 'table';
  const query = renderQuery(node, ctx);
  const step: DialectStep = {
    kind: 'transform',
    phase: 'transform',
    sql: kind === 'view' ? dialect.createView(staged, query) : dialect.createTable(staged, query),
    inTransaction: dialect.ddlInTransaction,
    rowCountSql: dialect.countRows(staged),
    rowsFrom: 'count',
  };
  return { steps: ownSteps(stageId, [step]), output: { name: staged, kind } };
}

/** A stage's relation as one SELECT over the staged relations on its input ports. */
function renderQuery(node: StageNode, ctx: StepContext): SelectQuery {
  const render: RenderContext = {
    dialect: ctx.dialect,
    source: (port) => ctx.dialect.quoteIdentifier(ctx.relationOf(port)),
    query: (child) => renderQuery(child, ctx),
  };
  const rule = ruleOf(node);
  if (rule.kind !== 'query') {
    throw new Error(`A "${node.op}" relation is staged on its own, never read inside a query.`);
  }
  return rule.render(node, render);
}
