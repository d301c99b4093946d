import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { NameSchema } from '@sluice/stages';

import { InvalidRequestError } from '../errors';
import { publicProcedure } from '../trpc';

const TableInput = z.object({ schema: NameSchema.optional(), name: NameSchema });

/** What flows may read from the target: its tables, and each table's columns. */
export const catalogRouter = {
  /** The tables and views a table source may read, for its picker. */
  tables: publicProcedure.query(async ({ ctx }) => ({
    tables: await ctx.services.target.listTables(),
  })),

  /** A table's columns and neutral types; `null` when the table does not exist. */
  columns: publicProcedure.input(TableInput).query(async ({ ctx, input }) => {
    const { services } = ctx;
    if (input.schema?.toLowerCase() === services.metadataSchema.toLowerCase()) {
      throw new InvalidRequestError(
        `Schema "${input.schema}" holds Sluice's own tables; flows cannot read it.`,
      );
    }
    return { columns: (await services.target.tableColumns(input)) ?? null };
  }),
} satisfies TRPCRouterRecord;
