import type { PeekNode } from '@sluice/stages';

import type { SinkRule } from './rule';
import { ownSteps, sinkPort } from './rule';

/**
 * Most bytes of rows a peek keeps with its run (as JSON text); rows past it are left out, and
 * the run says there were more, so one wide row cannot bloat the run's record.
 */
export const PEEK_BYTES = 256 * 1024;

/**
 * A peek: one bounded SELECT whose rows the engine keeps (one more than shown, to know there
 * were more) and reports only once the run has succeeded. It runs where the writes run, inside
 * the run's transaction where staging is, so it reads what they read.
 */
export const peekRule: SinkRule<PeekNode> = {
  kind: 'sink',
  expressions: () => [],
  steps: (node, ctx) => {
    const { stageId, dialect } = ctx;
    const source = ctx.relationOf(sinkPort(node.input));
    const limit = { count: node.rows + 1, offset: 0 };
    const sql = dialect.select({ columns: '*', from: source, limit });
    const step = {
      kind: 'peek',
      phase: 'write' as const,
      sql,
      inTransaction: dialect.ddlInTransaction,
      keepRows: { rows: node.rows, bytes: PEEK_BYTES },
    };
    return { steps: ownSteps(stageId, [step]) };
  },
};
