import { z } from 'zod';

import { DONE_PORT } from '@sluice/flow';

import { defineStage } from './define-stage';
import { input } from './relational';

/** The most rows a peek keeps with its run. */
export const PEEK_ROWS = 100;

/** A peek has nothing to set: it shows the first rows that arrive at it. */
export const PeekConfigSchema = z.object({});
export type PeekConfig = z.infer<typeof PeekConfigSchema>;

/**
 * Shows the first rows arriving at it in the run panel once the run has succeeded, kept with
 * the run so a past run shows them too. It writes nothing anywhere.
 */
export const peekStage = defineStage({
  type: 'peek',
  version: 1,
  category: 'destination',
  config: PeekConfigSchema,
  defaults: {},
  ports: { inputs: ['in'], outputs: [DONE_PORT] },
  ui: {
    label: 'Peek',
    description: `Shows the first ${String(PEEK_ROWS)} rows arriving at it in the run panel; writes nothing.`,
    icon: 'Eye',
    fields: {},
  },
  outputColumns: () => [],
  compile: () => ({ op: 'peek', input: input('in'), rows: PEEK_ROWS }),
  migrations: [],
});
