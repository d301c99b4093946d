/**
 * tRPC setup: the context type, `initTRPC` with the error formatter, and the procedures routers
 * build on. Service errors become typed tRPC errors here, once, so routers stay thin, and every
 * input passes `checkInput` before its schema reads it.
 */
import { initTRPC } from '@trpc/server';
import { z, ZodError } from 'zod';

import type { Context } from './context';
import { diagnosticsOf, parameterProblemsOf, toTrpcError } from './errors';
import { checkInput } from './input-guard';

/** What a client is told about an error the server did not expect; the log has the rest. */
export const UNEXPECTED_ERROR_MESSAGE =
  'Something went wrong on the server; the error is in the server log.';

const t = initTRPC.context<Context>().create({
  // Not tRPC's default (any NODE_ENV but "production"): stacks and the text of unexpected errors
  // name server paths and internals, so only a server configured for development sends them.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const development = ctx?.services.config.development === true;
    const hidden = error.code === 'INTERNAL_SERVER_ERROR' && !development;
    return {
      ...shape,
      message: hidden ? UNEXPECTED_ERROR_MESSAGE : shape.message,
      data: {
        ...shape.data,
        ...(development && error.stack !== undefined ? { stack: error.stack } : {}),
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        diagnostics: diagnosticsOf(error.cause) ?? null,
        /** Each parameter value a run was refused for: `{ name, message }`. */
        parameterProblems: parameterProblemsOf(error.cause) ?? null,
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

/** Refuses an input no schema should see (`input-guard.ts`), before the schemas run. */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  checkInput(await getRawInput());
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapServiceErrors).use(guardInput);
