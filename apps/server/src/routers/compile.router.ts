import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { compileFlow } from '@sluice/compiler';
import { FlowDocumentSchema, hasErrors } from '@sluice/flow';

import { stageUri, unknownExternalStages } from '../runs/flow-files';
import { publicProcedure } from '../trpc';

/** Preview runs are never executed, so one fixed tag keeps the SQL stable between edits. */
const PREVIEW_RUN_TAG = 'preview';

export const compileRouter = {
  /** The diagnostics and SQL steps of a document, files shown as `stage://name/path`. */
  preview: publicProcedure
    .input(z.object({ document: FlowDocumentSchema }))
    .query(async ({ ctx, input }) => {
      const known = await ctx.services.externalStages.list();
      const compiled = compileFlow(input.document, {
        dialect: 'duckdb',
        runTag: PREVIEW_RUN_TAG,
        resolveFile: stageUri,
      });
      const diagnostics = [
        ...unknownExternalStages(input.document, known),
        ...compiled.diagnostics,
      ];
      const plan = hasErrors(diagnostics) ? undefined : compiled.plan;
      const steps = plan
        ? [...plan.steps, ...plan.cleanup].map((step) => ({
            id: step.id,
            phase: step.phase,
            ...(step.stageId === undefined ? {} : { stageId: step.stageId }),
            sql: step.sql,
          }))
        : [];
      return { diagnostics, steps };
    }),
} satisfies TRPCRouterRecord;
