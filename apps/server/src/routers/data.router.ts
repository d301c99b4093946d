import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { FlowDocumentSchema, IdSchema } from '@sluice/flow';

import { describedColumn } from '../previews/described-columns';
import { publicProcedure } from '../trpc';

export const dataRouter = {
  /**
   * Up to 100 rows of one stage's output (for a destination: what arrives at it) computed on a
   * sample of each source, from the document as the editor has it, saved or not. Writes nothing.
   */
  preview: publicProcedure
    .input(z.object({ document: FlowDocumentSchema, stageId: IdSchema }))
    .mutation(({ ctx, input, signal }) =>
      ctx.services.previews.preview(input.document, input.stageId, { signal }),
    ),

  /**
   * A stage's output columns as the target names them, from a zero-row query over the flow up to
   * it: for stages whose columns only the database can tell (a SQL transform's unnamed
   * expression). `columns` is null, with the reason, when the query fails.
   */
  describe: publicProcedure
    .input(z.object({ document: FlowDocumentSchema, stageId: IdSchema }))
    .mutation(async ({ ctx, input, signal }) => {
      const zeroRows = { sampleRows: 0, rows: 0 };
      const found = await ctx.services.previews.preview(input.document, input.stageId, {
        signal,
        size: zeroRows,
      });
      return found.state === 'succeeded'
        ? { columns: found.columns.map(describedColumn), error: null }
        : { columns: null, error: found.error };
    }),
} satisfies TRPCRouterRecord;
