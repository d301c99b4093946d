import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import type { FileFormat } from '@sluice/stages';
import { stageUri } from '@sluice/compiler';
import { listExternalFiles, resolveExternalFile } from '@sluice/engine';
import {
  COMPRESSIONS,
  csvFields,
  ExternalStageNameSchema,
  FileSourceConfigSchema,
  JSON_ROWS,
  RelativePathSchema,
  reportDelimiterClash,
} from '@sluice/stages';

import {
  AdoptExternalStageInput,
  CreateExternalStageInput,
  UpdateExternalStageInput,
} from '../external-stages/external-stage-input';
import { s3StageNames } from '../external-stages/stage-chain';
import { folderOf } from '../external-stages/stage-folder-of';
import { publicProcedure } from '../trpc';

/** The CSV options of a file source, checked by the same rules as its stage config. */
const CsvFormatInput = z
  .object({
    kind: z.literal('csv').optional(),
    ...csvFields,
    skipLines: FileSourceConfigSchema.shape.skipLines,
    compression: z.enum(COMPRESSIONS).optional(),
  })
  .superRefine(reportDelimiterClash);

/** CSV (and TSV, a tab delimiter) with its options, JSON lines or Parquet, and a compression. */
const FormatInput = z.union([
  z.object({ kind: z.literal('parquet') }),
  z.object({
    kind: z.literal('jsonl'),
    rows: z.enum(JSON_ROWS).optional(),
    compression: z.enum(COMPRESSIONS).optional(),
  }),
  CsvFormatInput,
]);

const toFileFormat = (format: z.infer<typeof FormatInput>): FileFormat =>
  'header' in format ? { ...format, kind: 'csv' } : format;

export const externalStageRouter = {
  /**
   * Every external stage. Secrets never leave the server (`secretsSet` says which are stored);
   * `onS3` says its files live on S3, which only MatrixOne reads.
   */
  list: publicProcedure.query(async ({ ctx }) => {
    const stages = await ctx.services.externalStages.list();
    const s3 = new Set(s3StageNames(stages));
    return stages.map((stage) => ({ ...stage, onS3: s3.has(stage.name) }));
  }),

  create: publicProcedure
    .input(CreateExternalStageInput)
    .mutation(({ ctx, input }) => ctx.services.externalStages.create(input)),

  /** Given fields replace the stored ones; omitted credential keys are kept. */
  update: publicProcedure
    .input(UpdateExternalStageInput)
    .mutation(({ ctx, input }) => ctx.services.externalStages.update(input)),

  /** Turns a stage off (flows that use it are refused) or on again; MatrixOne's follows. */
  setEnabled: publicProcedure
    .input(z.object({ name: ExternalStageNameSchema, enabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      ctx.services.externalStages.setEnabled(input.name, input.enabled),
    ),

  /** The stages on the MatrixOne server (SHOW STAGES), each saying whether Sluice has it. */
  serverStages: publicProcedure.query(({ ctx }) => ctx.services.externalStages.serverStages()),

  /**
   * Records a MatrixOne server stage in Sluice as it is; MatrixOne never shows credentials, so
   * any given are what Sluice sends with later changes.
   */
  adopt: publicProcedure
    .input(AdoptExternalStageInput)
    .mutation(({ ctx, input }) => ctx.services.externalStages.adopt(input)),

  delete: publicProcedure
    .input(z.object({ name: ExternalStageNameSchema }))
    .mutation(async ({ ctx, input }) => {
      await ctx.services.externalStages.delete(input.name);
      return { ok: true as const };
    }),

  /** Files inside an external stage's folder, optionally under a path prefix. */
  files: publicProcedure
    // Relative without "..": a sub-stage's files must stay inside its own sub folder.
    .input(z.object({ name: ExternalStageNameSchema, prefix: RelativePathSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const folder = await folderOf(ctx.services, input.name);
      const files = await listExternalFiles({
        url: folder.url,
        allowedRoots: ctx.services.config.fileRoots,
        prefix: `${folder.prefix}${input.prefix ?? ''}`,
      });
      return files.map((file) => ({ ...file, path: file.path.slice(folder.prefix.length) }));
    }),

  /** Reads the head of a file and proposes its columns and types. */
  detectColumns: publicProcedure
    .input(
      z.object({
        externalStage: ExternalStageNameSchema,
        path: RelativePathSchema,
        format: FormatInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { services } = ctx;
      const folder = await folderOf(services, input.externalStage);
      const ref = { externalStage: input.externalStage, path: input.path };
      const local = await resolveExternalFile({
        url: folder.url,
        path: `${folder.prefix}${input.path}`,
        mode: 'read',
        allowedRoots: services.config.fileRoots,
        ref,
      });
      const format = toFileFormat(input.format);
      return { columns: await services.target.detectColumns(local, format, stageUri(ref)) };
    }),
} satisfies TRPCRouterRecord;
