import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { IdSchema, ParameterInputsSchema } from '@sluice/flow';

import type { RunDetail } from '../runs/run-types';
import { NotFoundError, toTrpcError } from '../errors';
import { destinationRows } from '../runs/destination-rows';
import { exportHead } from '../runs/export-head';
import { publicProcedure } from '../trpc';

const RunIdInput = z.object({ runId: IdSchema });

export const runRouter = {
  /**
   * Runs the latest saved version of a flow, or with `stageIds` only those stages and what is
   * upstream of them; refuses with diagnostics when it has errors. The editor says it started
   * the run; any other client is the API. `parameters` gives values by name for the flow's
   * declared parameters (text is read for the type, as a command line gives it); the others take
   * their defaults; an unknown name or a value that does not fit is a BAD_REQUEST whose
   * `data.parameterProblems` lists `{ name, message }`.
   */
  start: publicProcedure
    .input(
      z.object({
        flowId: IdSchema,
        startedBy: z.enum(['editor', 'api']).default('api'),
        stageIds: z.array(IdSchema).min(1, 'Select at least one stage to run up to.').optional(),
        parameters: ParameterInputsSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.services.runManager.start(input.flowId, {
        startedBy: input.startedBy,
        ...(input.stageIds === undefined ? {} : { stageIds: input.stageIds }),
        ...(input.parameters === undefined ? {} : { parameters: input.parameters }),
      }),
    ),

  /** Runs a past run's flow version again (not the latest), as a new run. */
  rerun: publicProcedure
    .input(RunIdInput)
    .mutation(({ ctx, input }) => ctx.services.runManager.rerun(input.runId)),

  /** The first 100 rows of the table a destination stage of the run wrote. */
  destinationRows: publicProcedure
    .input(RunIdInput.extend({ stageId: IdSchema }))
    .query(({ ctx, input }) => destinationRows(ctx.services, input)),

  /** The first lines (a header and 100 rows) of the file an export stage of the run wrote. */
  exportHead: publicProcedure
    .input(RunIdInput.extend({ stageId: IdSchema }))
    .query(({ ctx, input }) => exportHead(ctx.services, input)),

  /** The first rows that arrived at a peek stage of a run, kept with the run when it succeeded. */
  peekRows: publicProcedure
    .input(RunIdInput.extend({ stageId: IdSchema }))
    .query(async ({ ctx, input }) => {
      const peek = await ctx.services.runs.peekOf(input.runId, input.stageId);
      if (!peek) {
        throw new NotFoundError(
          `Stage "${input.stageId}" of this run kept no rows: only a peek of a run that succeeded shows them.`,
        );
      }
      return peek;
    }),

  byId: publicProcedure
    .input(RunIdInput)
    .query(({ ctx, input }) => ctx.services.runs.byId(input.runId)),

  /** The newest 50 runs of a flow, without the SQL of each stage. */
  list: publicProcedure
    .input(z.object({ flowId: IdSchema }))
    .query(({ ctx, input }) => ctx.services.runs.listForFlow(input.flowId)),

  cancel: publicProcedure.input(RunIdInput).mutation(async ({ ctx, input }) => {
    await ctx.services.runManager.cancel(input.runId);
    return { ok: true as const };
  }),

  /** The run's full snapshot on every change, starting with the current one, until it ends. */
  events: publicProcedure.input(RunIdInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }): AsyncGenerator<RunDetail> {
    try {
      yield* ctx.services.runManager.watch(input.runId, signal);
    } catch (error) {
      // Generator errors bypass procedure middleware, so service errors are mapped here.
      throw toTrpcError(error) ?? error;
    }
  }),
} satisfies TRPCRouterRecord;
