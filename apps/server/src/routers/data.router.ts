import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { FlowDocumentSchema, IdSchema } from '@sluice/flow';

import { publicProcedure } from '../trpc';

export const dataRouter = {
  /**
   * Up to 100 rows of one stage's output (for a destination: what arrives at it) computed on a
   * sample of each source, from the document as the editor has it, saved or not. Writes nothing.
   */
  preview: publicProcedure
    .input(z.object({ document: FlowDocumentSchema, stageId: IdSchema }))
    .mutation(({ ctx, input, signal }) =>
      ctx.services.previews.preview(input.document, input.stageId, signal),
    ),
} satisfies TRPCRouterRecord;
