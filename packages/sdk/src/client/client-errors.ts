import { TRPCClientError } from '@trpc/client';

import type { Diagnostic } from '@sluice/flow';
import type { AppRouter } from '@sluice/server';

/**
 * A save refused because someone saved the flow after `baseVersion`: nothing was written. Load
 * the flow again (`flows.get`) and redo the change on `currentVersion`, or save as a new flow.
 */
export class StaleSaveError extends Error {
  override name = 'StaleSaveError';

  readonly flowId: string;
  readonly baseVersion: number;
  readonly currentVersion: number;

  constructor(
    message: string,
    versions: { flowId: string; baseVersion: number; currentVersion: number },
  ) {
    super(message);
    this.flowId = versions.flowId;
    this.baseVersion = versions.baseVersion;
    this.currentVersion = versions.currentVersion;
  }
}

/** A request the server refused, with its tRPC code and, for a flow, the diagnostics why. */
export class SluiceRequestError extends Error {
  override name = 'SluiceRequestError';

  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    message: string,
    details: { code: string; diagnostics?: readonly Diagnostic[]; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.code = details.code;
    this.diagnostics = details.diagnostics ?? [];
  }
}

/** A client error as this server's error formatter shapes it: a code, and diagnostics. */
function serverError(error: unknown): TRPCClientError<AppRouter> | undefined {
  return error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>) : undefined;
}

/**
 * An input the server's schema refused, one `field: message` line per problem, instead of the
 * issue list tRPC puts in the message.
 */
function inputProblems(
  zodError:
    { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null | undefined,
): string | undefined {
  if (!zodError) return undefined;
  const fields = Object.entries(zodError.fieldErrors).flatMap(([field, messages = []]) =>
    messages.map((message) => `${field}: ${message}`),
  );
  const lines = [...zodError.formErrors, ...fields];
  return lines.length > 0 ? `The server refused the request: ${lines.join('; ')}` : undefined;
}

/** The tRPC code of a client error (`CONFLICT`, `NOT_FOUND`, ...), if it carries one. */
export function errorCode(error: unknown): string | undefined {
  return serverError(error)?.data?.code;
}

/** Turns a tRPC client error into a `SluiceRequestError`; anything else is returned as it is. */
export function requestError(error: unknown): unknown {
  const known = serverError(error);
  if (!known) return error;
  // The access-token guard answers before tRPC does, so its 401 is not a tRPC error shape.
  const response = known.meta?.response;
  if (response instanceof Response && response.status === 401) {
    return new SluiceRequestError(
      'This Sluice server needs its access token: pass createClient({ url, token }) the value of its SLUICE_ACCESS_TOKEN.',
      { code: 'UNAUTHORIZED', cause: error },
    );
  }
  const code = known.data?.code;
  if (code === undefined) return error;
  const diagnostics = known.data?.diagnostics ?? [];
  const message = inputProblems(known.data?.zodError) ?? known.message;
  return new SluiceRequestError(message, { code, diagnostics, cause: error });
}

/** Runs a request, turning the server's refusals into `SluiceRequestError`s. */
export async function request<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw requestError(error);
  }
}
