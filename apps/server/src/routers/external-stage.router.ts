import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import {
  checkExternalStageUrl,
  detectCsvColumns,
  listExternalFiles,
  resolveExternalFile,
} from '@sluice/engine';
import { csvFields, ExternalStageNameSchema, reportDelimiterClash } from '@sluice/stages';

import { publicProcedure } from '../trpc';

const UrlSchema = z.string().trim().min(1).max(2000);
const CommentSchema = z.string().max(1000);

/** The CSV options of a file source, checked by the same rules as its stage config. */
const CsvFormatInput = z
  .object({
    ...csvFields,
    // Declared inline by the file source stage; @sluice/stages has no shared schema for it.
    skipLines: z.number().int('Enter a whole number.').min(0).max(1_000_000),
  })
  .superRefine(reportDelimiterClash);

export const externalStageRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.services.externalStages.list()),

  create: publicProcedure
    .input(
      z.object({
        name: ExternalStageNameSchema,
        url: UrlSchema,
        comment: CommentSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const url = await checkExternalStageUrl(input.url, ctx.services.config.fileRoots);
      return ctx.services.externalStages.create({
        name: input.name,
        url,
        comment: input.comment ?? '',
      });
    }),

  update: publicProcedure
    .input(
      z.object({
        name: ExternalStageNameSchema,
        url: UrlSchema.optional(),
        comment: CommentSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const url =
        input.url === undefined
          ? undefined
          : await checkExternalStageUrl(input.url, ctx.services.config.fileRoots);
      return ctx.services.externalStages.update({
        name: input.name,
        ...(url === undefined ? {} : { url }),
        ...(input.comment === undefined ? {} : { comment: input.comment }),
      });
    }),

  delete: publicProcedure
    .input(z.object({ name: ExternalStageNameSchema }))
    .mutation(async ({ ctx, input }) => {
      await ctx.services.externalStages.delete(input.name);
      return { ok: true as const };
    }),

  /** Files inside an external stage's folder, optionally under a path prefix. */
  files: publicProcedure
    .input(z.object({ name: ExternalStageNameSchema, prefix: z.string().max(1000).optional() }))
    .query(async ({ ctx, input }) => {
      const stage = await ctx.services.externalStages.byName(input.name);
      return listExternalFiles({
        url: stage.url,
        allowedRoots: ctx.services.config.fileRoots,
        ...(input.prefix === undefined ? {} : { prefix: input.prefix }),
      });
    }),

  /** Reads the head of a delimited file and proposes its columns and types. */
  detectColumns: publicProcedure
    .input(
      z.object({
        externalStage: ExternalStageNameSchema,
        path: z.string().min(1).max(1000),
        format: CsvFormatInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { services } = ctx;
      const stage = await services.externalStages.byName(input.externalStage);
      const local = await resolveExternalFile({
        url: stage.url,
        path: input.path,
        mode: 'read',
        allowedRoots: services.config.fileRoots,
      });
      // Its own connection: a slow sniff must not hold up the metadata queries of other requests.
      const client = await services.database.connect();
      try {
        return { columns: await detectCsvColumns(client, local, { kind: 'csv', ...input.format }) };
      } finally {
        client.close();
      }
    }),
} satisfies TRPCRouterRecord;
