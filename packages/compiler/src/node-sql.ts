import type { Diagnostic } from '@sluice/flow';
import type { InputColumns, StageNode } from '@sluice/stages';
import { diagnostic } from '@sluice/flow';
import { sameColumnName, unknownColumn } from '@sluice/stages';

import type { SqlCheckOptions } from './check-sql';
import type { NodeRules } from './relations/operators';
import type { UserExpression } from './relations/rule';
import { readExpression, readExpressions } from './check-sql';
import { NODE_RULES } from './relations/operators';
import { relationColumns, userExpressions } from './relations/walk';

/**
 * Checks every piece of user SQL a stage's node carries, where the config holds it, and the
 * columns it names against the relation it reads while those are known. The expressions come
 * from the operator table, so an operator's expressions are checked as soon as it is listed.
 */
export function nodeSqlDiagnostics(
  stage: {
    stageId: string;
    node: StageNode;
    inputs: InputColumns;
    /** The node's `userExpressions`, when the caller has them already. */
    expressions?: readonly UserExpression[];
  },
  options: SqlCheckOptions & { rules?: NodeRules } = {},
): Diagnostic[] {
  const { rules = NODE_RULES, ...sqlOptions } = options;
  const expressions = stage.expressions ?? userExpressions(stage.node, rules);
  return expressions.flatMap(({ expr, over, beside = [] }) => {
    if (expr.kind !== 'sql') return [];
    const { problem, columns = [] } = readExpression(expr.sql, sqlOptions);
    const at = { stageId: stage.stageId, path: expr.path };
    if (problem) {
      const code = problem.kind === 'invalid' ? 'invalid-sql' : 'unchecked-sql';
      return [diagnostic(code, { message: problem.message }, at)];
    }
    const available = relationColumns(over, stage.inputs, rules)?.map((c) => c.name);
    if (!available) return [];
    return columns
      .filter((name) => !available.some((known) => sameColumnName(known, name)))
      .map((name) =>
        beside.some((own) => sameColumnName(own, name))
          ? diagnostic('invalid-sql', { message: readsBeside(name) }, at)
          : unknownColumn(name, available, at),
      );
  });
}

/**
 * Reads the user SQL of all the expressions given at once (`readExpressions`), so that
 * `nodeSqlDiagnostics` finds each read: a flow's expressions are parsed in a few calls, not one
 * each.
 */
export function readExpressionsSql(
  expressions: readonly UserExpression[],
  options: SqlCheckOptions = {},
): void {
  const texts = expressions.flatMap(({ expr }) => (expr.kind === 'sql' ? [expr.sql] : []));
  readExpressions(texts, options);
}

/** Why an expression cannot read a column its own stage computes, and what to do instead. */
function readsBeside(name: string): string {
  return (
    `"${name}" is computed by this same stage, and its expressions read only the input columns: ` +
    `compute "${name}" in a stage before this one.`
  );
}
