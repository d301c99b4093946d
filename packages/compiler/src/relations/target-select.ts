import type { TargetSelectNode } from '@sluice/stages';
import { diagnostic } from '@sluice/flow';

import type { QueryRule } from './rule';
import { readSelect } from '../check-select';
import { writtenQuery } from './select-query';

/**
 * A SELECT a person wrote over the target's tables, rendered as written. It is checked as one
 * SELECT that reads and locks nothing beyond tables (no table function, no INTO) and names
 * nothing in the metadata schema. Its columns are left unknown, whatever its select list says,
 * so the editor asks the target for them (names and types) with a zero-row query.
 */
export const targetSelectRule: QueryRule<TargetSelectNode> = {
  kind: 'query',
  expressions: () => [],
  check: (node, { metadataSchema }) =>
    readSelect(node.sql, {}, { metadataSchema, reads: 'target' }).problems.flatMap((problem) =>
      problem.kind === 'invalid'
        ? [diagnostic('invalid-sql', { message: problem.message }, { path: node.path })]
        : [],
    ),
  columns: () => undefined,
  render: (node, { dialect }) => writtenQuery(node.sql.trim(), dialect),
};
