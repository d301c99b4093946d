import type { StageNode } from '@sluice/stages';

import type { DialectStep } from '../dialects';
import type { Landing } from '../dialects/base';
import type { PlanFile } from '../plan';
import type { RenderContext, StageSteps, StepContext } from './rule';
import type { SelectQuery } from './select-query';
import { stagingName } from '../names';
import { ruleOf } from './operators';
import { ownSteps } from './rule';

/**
 * A relation that is not staged: its query, written into the statement of the stage reading it.
 * `files` are the files the query reads (a DuckDB file source read in place).
 */
export interface InlineRelation {
  query: SelectQuery;
  files: readonly PlanFile[];
}

/**
 * What to materialise, the one place that decides it. The policy: a relation read by one stage
 * is inlined into the statement that reads it (`inlineRelation`), so the database runs the flow
 * up to a write as one statement, as a person would write it. A relation read by more than one
 * stage, one whose operator fails on values at run time (a cast), which runs on its own so its
 * error lands on it, and a file the database cannot read in place (the MySQL family,
 * MatrixOne) are staged (`stepsForStage`): a staging table created from the query, or loaded,
 * whose rows the creating statement reports, so nothing is read again to count it, unless the
 * one stage reading the file is a table write that loads it straight into the table it builds
 * (`landingFor`). A data preview (`sampleRows`) stages every relation, since its last SELECT
 * reads each stage's sample.
 */
export function inlineRelation(node: StageNode, ctx: StepContext): InlineRelation | undefined {
  if (ctx.sampleRows !== undefined) return undefined;
  const rule = ruleOf(node);
  if (rule.kind === 'landed') {
    const read = rule.read?.(node, ctx);
    if (!read) return undefined;
    return { ...read, files: read.files.map((file) => ({ ...file, stageId: ctx.stageId })) };
  }
  if (rule.kind !== 'query' || rule.runsAlone === true) return undefined;
  return { query: renderQuery(node, ctx), files: [] };
}

/**
 * A file source left unstaged for the one stage reading it, a table write the dialect builds a
 * new table for (`Dialect.landsInto`), to load into that table: the rows move once.
 */
export function landingFor(
  node: StageNode,
  reader: StageNode,
  ctx: StepContext,
): Landing | undefined {
  const rule = ruleOf(node);
  if (ctx.sampleRows !== undefined || rule.kind !== 'landed' || !rule.landing) return undefined;
  if (reader.op !== 'write-table' || !ctx.dialect.landsInto(reader)) return undefined;
  return { ...rule.landing(node, ctx), stageId: ctx.stageId };
}

/**
 * The steps of one stage: a sink writes, and a relation is staged (see `inlineRelation`) as a
 * table, or with `views` (`CompileOptions.stageEach`) as a view counted by reading it.
 */
export function stepsForStage(node: StageNode, ctx: StepContext, views = false): StageSteps {
  const rule = ruleOf(node);
  if (rule.kind === 'sink') return rule.steps(node, ctx);
  const { stageId, dialect } = ctx;
  const staged = stagingName(ctx.runTag, stageId);
  if (rule.kind === 'landed') {
    const steps = rule.land(node, { ...ctx, table: staged });
    return { steps: ownSteps(stageId, steps), output: { name: staged, kind: 'table' } };
  }
  const query = renderQuery(node, ctx);
  const step: DialectStep = {
    kind: 'transform',
    phase: 'transform',
    inTransaction: dialect.ddlInTransaction,
    ...(views
      ? { sql: dialect.createView(staged, query), rowCountSql: dialect.countRows(staged) }
      : { sql: dialect.createStagingTable(staged, query) }),
    rowsFrom: views ? 'count' : 'changes',
  };
  const kind = views ? 'view' : 'table';
  return { steps: ownSteps(stageId, [step]), output: { name: staged, kind } };
}

/** A stage's relation as one SELECT over the relations on its input ports. */
function renderQuery(node: StageNode, ctx: StepContext): SelectQuery {
  // Methods, not arrow functions: see `compileFlow`'s step context.
  const render: RenderContext = {
    dialect: ctx.dialect,
    source(port, alias) {
      return ctx.relationOf(port, alias);
    },
    input(port) {
      return ctx.queryOf(port);
    },
    query(child) {
      return renderQuery(child, ctx);
    },
  };
  const rule = ruleOf(node);
  if (rule.kind !== 'query') {
    throw new Error(`A "${node.op}" relation is staged on its own, never read inside a query.`);
  }
  return rule.render(node, render);
}
