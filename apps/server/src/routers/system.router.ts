import type { TRPCRouterRecord } from '@trpc/server';

import { describeTarget } from '../services';
import { publicProcedure } from '../trpc';

export const systemRouter = {
  /** The database Sluice runs on and the Sluice version. */
  info: publicProcedure.query(({ ctx }) => ({
    target: describeTarget(ctx.services),
    sluiceVersion: ctx.services.sluiceVersion,
  })),
} satisfies TRPCRouterRecord;
