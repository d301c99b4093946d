import type { NodeOf, NodeOp, StageNode } from '@sluice/stages';
import { inputsOf } from '@sluice/stages';

import type { NodeRule } from './rule';
import { aggregateRule } from './aggregate';
import { castRule } from './cast';
import { distinctOnRule } from './distinct-on';
import { cloneRule, createSnapshotRule, restoreSnapshotRule, sqlStatementRule } from './executors';
import { exportFileRule } from './export-file';
import { filterRule } from './filter';
import { generateRowsRule } from './generate-rows';
import { inputRule } from './input';
import { joinRule } from './join';
import { limitRule } from './limit';
import { peekRule } from './peek';
import { projectRule } from './project';
import { scanFileRule } from './scan-file';
import { scanTableRule } from './scan-table';
import { sortRule } from './sort';
import { targetSelectRule } from './target-select';
import { unionRule } from './union';
import { userSelectRule } from './user-select';
import { writeTableRule } from './write-table';

/** Operator rules by operator name; the relational form's operators without one do not compile. */
export type NodeRules = { readonly [K in NodeOp]?: NodeRule<NodeOf<K>> };

/**
 * The one table the compiler dispatches on. Adding an operator is its module and one line here;
 * the SQL check, file references, target limits and rendering all reach it through this table.
 */
export const NODE_RULES: NodeRules = {
  input: inputRule,
  'scan-file': scanFileRule,
  'scan-table': scanTableRule,
  filter: filterRule,
  project: projectRule,
  sort: sortRule,
  limit: limitRule,
  'distinct-on': distinctOnRule,
  'user-select': userSelectRule,
  cast: castRule,
  'write-table': writeTableRule,
  'export-file': exportFileRule,
  join: joinRule,
  aggregate: aggregateRule,
  union: unionRule,
  'target-select': targetSelectRule,
  'generate-rows': generateRowsRule,
  peek: peekRule,
  clone: cloneRule,
  'create-snapshot': createSnapshotRule,
  'restore-snapshot': restoreSnapshotRule,
  'sql-statement': sqlStatementRule,
};

/**
 * The rule for a node. A stage compiling to an operator with no rule is a bug the registry test
 * catches (every stage type compiles on every target), so it throws.
 */
export function ruleOf<N extends StageNode>(node: N, rules: NodeRules = NODE_RULES): NodeRule<N> {
  const rule = (rules as Readonly<Record<string, NodeRule<N> | undefined>>)[node.op];
  if (!rule) throw new Error(`The compiler has no rule for the "${node.op}" operator.`);
  return rule;
}

/**
 * The nodes under each node, found once: a stage's node is walked by every check, by compile
 * and by the plan's summaries, and nodes are never changed once a stage has compiled to them.
 */
const NODES_UNDER = new WeakMap<StageNode, readonly StageNode[]>();

/** A node and every relation under it, the node first. */
export function nodesOf(node: StageNode): readonly StageNode[] {
  const known = NODES_UNDER.get(node);
  if (known) return known;
  const nodes = [node, ...inputsOf(node).flatMap(nodesOf)];
  NODES_UNDER.set(node, nodes);
  return nodes;
}
