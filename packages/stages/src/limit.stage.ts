import { z } from 'zod';

import { defineStage } from './define-stage';
import { input } from './relational';

const RowCountSchema = z
  .number({ error: 'Enter a whole number of rows.' })
  .int('Enter a whole number of rows.')
  .min(0, 'Enter 0 or more rows.');

/** Settings of a limit: how many rows to keep, after skipping how many. */
export const LimitConfigSchema = z.object({ count: RowCountSchema, offset: RowCountSchema });
export type LimitConfig = z.infer<typeof LimitConfigSchema>;

/** Keeps at most a number of rows, in the order they arrive (put a sort before it). */
export const limitStage = defineStage({
  type: 'limit',
  version: 1,
  category: 'processor',
  config: LimitConfigSchema,
  defaults: { count: 100, offset: 0 },
  ports: { inputs: ['in'], outputs: ['out'] },
  ui: {
    label: 'Limit',
    description: 'Keeps the first rows, optionally after skipping some.',
    icon: 'ListNumbers',
    fields: {
      count: {
        widget: 'number',
        label: 'Rows',
        help: 'At most this many rows pass. Rows arrive in no set order unless a sort comes first.',
      },
      offset: {
        widget: 'number',
        label: 'Skip',
        help: 'Rows to skip before the first one kept.',
      },
    },
  },
  outputColumns: ({ inputs }) => inputs.in,
  compile: ({ config }) => ({
    op: 'limit',
    input: input('in'),
    count: config.count,
    offset: config.offset,
  }),
  migrations: [],
});
