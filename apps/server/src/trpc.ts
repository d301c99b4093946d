/**
 * tRPC setup: the context type, `initTRPC` with the error formatter, and the procedures routers
 * build on. Service errors become typed tRPC errors here, once, so routers stay thin.
 */
import { initTRPC } from '@trpc/server';
import { z, ZodError } from 'zod';

import type { Context } from './context';
import { diagnosticsOf, toTrpcError } from './errors';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        diagnostics: diagnosticsOf(error.cause) ?? null,
      },
    };
  },
});

/** Turns the services' NotFound / Conflict / InvalidRequest / FileAccess errors into tRPC codes. */
const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapServiceErrors);
