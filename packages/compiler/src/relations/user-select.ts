import type { Diagnostic } from '@sluice/flow';
import type { Columns, UserSelectNode } from '@sluice/stages';
import { diagnostic } from '@sluice/flow';
import { unknownColumn } from '@sluice/stages';

import type { SelectProblem } from '../check-select';
import type { QueryRule, RenderContext } from './rule';
import { readSelect } from '../check-select';
import { writtenQuery } from './select-query';

/**
 * A SELECT a person wrote over the stage's inputs, each read as a table named by its port. It
 * renders as the SELECT with a WITH query per input ahead of it (`WITH a AS (SELECT * FROM
 * <staged a>) <select>`), joined to the SELECT's own WITH list if it has one, so the names stand
 * for the inputs on every target without rewriting the text; MySQL 8, MariaDB 10.2, DuckDB and
 * MatrixOne (`create_view_stmt … AS select_stmt`, whose `select_no_parens` takes a
 * `with_clause`) all accept a view over WITH.
 */
export const userSelectRule: QueryRule<UserSelectNode> = {
  kind: 'query',
  expressions: () => [],
  check: (node, { metadataSchema, columnsOf }) => {
    const inputs = Object.fromEntries(
      Object.entries(node.inputs).map(([port, relation]) => [port, columnsOf(relation)]),
    );
    const { problems } = readSelect(node.sql, inputs, { metadataSchema });
    return problems.map((problem) => diagnosticOf(problem, node));
  },
  columns: (node, { inputs }) => {
    const ports = Object.keys(node.inputs);
    const columns = Object.fromEntries(
      ports.map((port, i): [string, Columns] => [port, inputs[i]]),
    );
    return readSelect(node.sql, columns).columns;
  },
  render: (node, ctx) => writtenQuery(withInputs(node, ctx), ctx.dialect),
};

function diagnosticOf(problem: SelectProblem, node: UserSelectNode): Diagnostic {
  const at = { path: node.path };
  switch (problem.kind) {
    case 'invalid':
      return diagnostic('invalid-sql', { message: problem.message }, at);
    case 'unchecked':
      return diagnostic('unchecked-sql', { message: problem.message }, at);
    case 'unknown-column':
      return unknownColumn(problem.column, problem.available, at);
  }
}

/** The SELECT's own WITH, and whether it is RECURSIVE (which then covers the whole list). */
const OWN_WITH = /^\s*with(\s+recursive)?\s+/i;

function withInputs(node: UserSelectNode, { dialect, query }: RenderContext): string {
  const inputs = Object.entries(node.inputs).map(
    ([port, relation]) =>
      `${dialect.quoteIdentifier(port)} AS (${dialect.select(query(relation))})`,
  );
  const own = OWN_WITH.exec(node.sql);
  if (inputs.length === 0) return node.sql.trim();
  if (!own) return `WITH ${inputs.join(', ')} ${node.sql.trim()}`;
  const recursive = own[1] === undefined ? '' : 'RECURSIVE ';
  return `WITH ${recursive}${inputs.join(', ')}, ${node.sql.slice(own[0].length).trim()}`;
}
