import { randomUUID } from 'node:crypto';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { emptyFlowDocument, FlowDocumentSchema, FlowNameSchema, IdSchema } from '@sluice/flow';

import { exportFlowFile, importFlowFile } from '../flow-transfer/flow-transfer';
import { versionDiff } from '../flows/flow-versions';
import { publicProcedure } from '../trpc';

const FlowIdInput = z.object({ id: IdSchema });
const VersionSchema = z.number().int().positive();

export const flowRouter = {
  list: publicProcedure.query(({ ctx }) => ctx.services.flows.list()),

  byId: publicProcedure
    .input(FlowIdInput)
    .query(({ ctx, input }) => ctx.services.flows.byId(input.id)),

  create: publicProcedure
    .input(z.object({ name: FlowNameSchema, document: FlowDocumentSchema.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.services.flows.create({
        id: randomUUID(),
        name: input.name,
        document: input.document ?? emptyFlowDocument(),
      }),
    ),

  save: publicProcedure
    .input(
      z.object({
        id: IdSchema,
        baseVersion: VersionSchema,
        document: FlowDocumentSchema,
      }),
    )
    .mutation(({ ctx, input }) => ctx.services.flows.save(input)),

  /** Saves a document as a new flow: the way out of a save conflict without losing work. */
  saveAs: publicProcedure
    .input(z.object({ name: FlowNameSchema, document: FlowDocumentSchema }))
    .mutation(({ ctx, input }) => ctx.services.flows.create({ id: randomUUID(), ...input })),

  rename: publicProcedure
    .input(z.object({ id: IdSchema, name: FlowNameSchema }))
    .mutation(({ ctx, input }) => ctx.services.flows.rename(input)),

  delete: publicProcedure.input(FlowIdInput).mutation(async ({ ctx, input }) => {
    await ctx.services.runManager.deleteFlow(input.id);
    return { ok: true as const };
  }),

  /** The flow with one saved version's document, for showing a past run read-only. */
  atVersion: publicProcedure
    .input(z.object({ id: IdSchema, version: VersionSchema }))
    .query(({ ctx, input }) => ctx.services.flows.atVersion(input.id, input.version)),

  /** Makes a past version current again as a new version; a stale `baseVersion` is a conflict. */
  restore: publicProcedure
    .input(z.object({ id: IdSchema, version: VersionSchema, baseVersion: VersionSchema }))
    .mutation(({ ctx, input }) => ctx.services.flows.restore(input)),

  /** Every saved version, newest first: when it was saved and how much it changed. */
  versions: publicProcedure
    .input(FlowIdInput)
    .query(({ ctx, input }) => ctx.services.versionHistory.of(input.id)),

  /** Two saved versions' documents and how `to` differs from `from`, for comparing them. */
  diff: publicProcedure
    .input(z.object({ id: IdSchema, from: VersionSchema, to: VersionSchema }))
    .query(({ ctx, input }) => versionDiff(ctx.services.flows, input)),

  /** The flow (its latest version, or `version`) as a flow file; see `@sluice/flow`'s flow-file. */
  exportFile: publicProcedure
    .input(z.object({ id: IdSchema, version: VersionSchema.optional() }))
    .query(({ ctx, input }) => exportFlowFile(ctx.services, input)),

  /**
   * Saves a flow file as a new flow, under `name` or the file's name with " (imported)" added on
   * a clash. Refuses, saving nothing, a malformed file (its issues in the message) and a file
   * naming external stages or stage types this Sluice lacks (each in `data.diagnostics`).
   */
  importFile: publicProcedure
    .input(z.object({ file: z.unknown(), name: FlowNameSchema.optional() }))
    .mutation(({ ctx, input }) => importFlowFile(ctx.services, input)),
} satisfies TRPCRouterRecord;
