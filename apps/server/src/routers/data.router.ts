import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { FlowDocumentSchema, IdSchema, ParameterInputsSchema } from '@sluice/flow';

import { describedColumn } from '../previews/described-columns';
import { publicProcedure } from '../trpc';

export const dataRouter = {
  /**
   * Up to 100 rows of one stage's output (for a destination: what arrives at it) computed on a
   * sample of each source, from the document as the editor has it, saved or not, with the
   * parameter values given (the defaults for the others). Writes nothing.
   */
  preview: publicProcedure
    .input(
      z.object({
        document: FlowDocumentSchema,
        stageId: IdSchema,
        parameters: ParameterInputsSchema.optional(),
      }),
    )
    .mutation(({ ctx, input, signal }) =>
      ctx.services.previews.preview(input.document, input.stageId, {
        signal,
        ...(input.parameters === undefined ? {} : { parameters: input.parameters }),
      }),
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
