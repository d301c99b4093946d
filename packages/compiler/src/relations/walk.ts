import type { Diagnostic } from '@sluice/flow';
import type { Columns, InputColumns, RelationNode, StageNode, TableRef } from '@sluice/stages';
import { inputsOf } from '@sluice/stages';

import type { CheckContext, Dialect } from '../dialects';
import type { NodeRules } from './operators';
import type { NodeFile, UserExpression } from './rule';
import { NODE_RULES, nodesOf, ruleOf } from './operators';

/** Every user expression of a node and of the relations under it, through the operator table. */
export function userExpressions(node: StageNode, rules: NodeRules = NODE_RULES): UserExpression[] {
  return nodesOf(node).flatMap((n) => ruleOf(n, rules).expressions(n));
}

/** The columns of a relation from the stage's input columns; `undefined` if unknown or a sink. */
export function relationColumns(
  node: StageNode,
  ports: InputColumns,
  rules: NodeRules = NODE_RULES,
): Columns {
  const rule = ruleOf(node, rules);
  if (rule.kind === 'sink') return undefined;
  const inputs = inputsOf(node).map((child) => relationColumns(child, ports, rules));
  return rule.columns(node, { inputs, ports });
}

/** Checks of every node that need no target (names Sluice reserves, a person's SELECT). */
export function nodeChecks(
  node: StageNode,
  ctx: { metadataSchema: string; ports: InputColumns },
): Diagnostic[] {
  // A method, not an arrow function: see `compileFlow`'s step context.
  const check = {
    metadataSchema: ctx.metadataSchema,
    columnsOf(relation: RelationNode) {
      return relationColumns(relation, ctx.ports);
    },
  };
  return nodesOf(node).flatMap((n) => ruleOf(n).check?.(n, check) ?? []);
}

/** What the target cannot run of a node, as diagnostics without a stage. */
export function nodeLimits(
  node: StageNode,
  ctx: CheckContext & { dialect: Dialect },
): Diagnostic[] {
  return nodesOf(node).flatMap((n) => ruleOf(n).diagnose?.(n, ctx) ?? []);
}

/** The files a node reads and writes. */
export function nodeFiles(node: StageNode): NodeFile[] {
  return nodesOf(node).flatMap((n) => ruleOf(n).files?.(n) ?? []);
}

/** The destination tables a node writes. */
export function nodeTables(node: StageNode): TableRef[] {
  return nodesOf(node).flatMap((n) => ruleOf(n).tables?.(n) ?? []);
}

/**
 * How each destination table a node writes is totalled once the run has written it: a table
 * the node replaced holds the rows it wrote, any other is counted with `sql`.
 */
export function nodeTableTotals(node: StageNode, dialect: Dialect): { sql?: string }[] {
  return nodesOf(node).flatMap((n) => {
    const rule = ruleOf(n);
    const replaced = rule.replaces?.(n) ?? false;
    return (rule.tables?.(n) ?? []).map((table) =>
      replaced ? {} : { sql: dialect.countRows(table) },
    );
  });
}

/** The tables a node reads. */
export function nodeReads(node: StageNode): TableRef[] {
  return nodesOf(node).flatMap((n) => ruleOf(n).reads?.(n) ?? []);
}
