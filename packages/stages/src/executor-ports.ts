import { AFTER_PORT, DONE_PORT } from '@sluice/flow';

/**
 * The ports of every executor: links into `after` (any number, from any stage) order it after
 * those stages, and `done` orders other executors after it. No rows travel on either.
 */
export const EXECUTOR_PORTS = {
  inputs: [AFTER_PORT],
  outputs: [DONE_PORT],
  optional: [AFTER_PORT],
  many: [AFTER_PORT],
} as const;

/** An executor has no rows: nothing downstream reads columns from it. */
export const noColumns = () => [];
