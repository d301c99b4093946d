/**
 * Errors the services raise for things a client caused. The tRPC layer maps each to its code
 * (see `toTrpcError`), so services stay free of transport concerns.
 */
import { TRPCError } from '@trpc/server';

import type { Diagnostic, ParameterValueProblem } from '@sluice/flow';
import { ColumnDetectionError, FileAccessError } from '@sluice/engine';
import { DocumentVersionError, FlowFileError } from '@sluice/flow';

/** A flow, run or external stage that does not exist. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A write that would overwrite newer data or break a uniqueness rule. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** A request the server refuses as given; `diagnostics` lists flow problems when it has any. */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';

  constructor(
    message: string,
    readonly diagnostics?: readonly Diagnostic[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Values given for a run's parameters that the flow does not declare or that do not fit. */
export class ParameterValueError extends InvalidRequestError {
  override name = 'ParameterValueError';

  constructor(readonly problems: readonly ParameterValueProblem[]) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(`${first?.message ?? 'The parameter values do not fit the flow'}${more}.`);
  }
}

/**
 * The target database refused a statement Sluice ran for a person's request outside any run
 * (MatrixOne's external stage DDL); the message quotes the server.
 */
export class TargetStatementError extends Error {
  override name = 'TargetStatementError';
}

/** Maps a known service error to a TRPCError; `undefined` for anything unexpected. */
export function toTrpcError(error: unknown): TRPCError | undefined {
  if (error instanceof NotFoundError) {
    return new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
  }
  if (error instanceof ConflictError) {
    return new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
  }
  if (
    error instanceof InvalidRequestError ||
    error instanceof TargetStatementError ||
    error instanceof FileAccessError ||
    error instanceof ColumnDetectionError ||
    error instanceof DocumentVersionError ||
    error instanceof FlowFileError
  ) {
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  }
  return undefined;
}

/** Which parameters a TRPCError's cause names and why, for the error formatter. */
export function parameterProblemsOf(error: unknown): readonly ParameterValueProblem[] | undefined {
  return error instanceof ParameterValueError ? error.problems : undefined;
}

/** The diagnostics a TRPCError's cause carries, for the error formatter. */
export function diagnosticsOf(error: unknown): readonly Diagnostic[] | undefined {
  return error instanceof InvalidRequestError ? error.diagnostics : undefined;
}
