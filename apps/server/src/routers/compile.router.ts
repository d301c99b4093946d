import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { analyzeFlow, previewFlow } from '@sluice/compiler';
import { FlowDocumentSchema, ParameterInputsSchema } from '@sluice/flow';

import { s3StageNames } from '../external-stages/stage-chain';
import { publicProcedure } from '../trpc';

export const compileRouter = {
  /**
   * The diagnostics and SQL steps of a document, files shown as `stage://name/path`, with the
   * parameter values given (the defaults for the others).
   */
  preview: publicProcedure
    .input(z.object({ document: FlowDocumentSchema, parameters: ParameterInputsSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const known = await ctx.services.externalStages.list();
      const analysis = analyzeFlow(input.document, {
        metadataSchema: ctx.services.metadataSchema,
        parameters: {
          dialect: ctx.services.target.profile.dialect,
          ...(input.parameters === undefined ? {} : { values: input.parameters }),
        },
      });
      const { diagnostics, steps } = previewFlow(analysis, {
        target: ctx.services.target.profile,
        knownExternalStages: known.map((stage) => stage.name),
        disabledExternalStages: known.filter((stage) => !stage.enabled).map((stage) => stage.name),
        s3ExternalStages: s3StageNames(known),
      });
      return {
        diagnostics,
        steps: steps.map((step) => ({
          id: step.id,
          phase: step.phase,
          ...(step.stageId === undefined ? {} : { stageId: step.stageId }),
          // The stages whose relation this statement computes inside itself.
          ...(step.inlined ? { inlined: step.inlined.map((stage) => stage.stageId) } : {}),
          sql: step.sql,
        })),
      };
    }),
} satisfies TRPCRouterRecord;
