/** Turns whatever a command threw into the message and exit code a person or CI job sees. */
import { TRPCClientError } from '@trpc/client';

import type { Diagnostic, FlowDocument } from '@sluice/flow';

import type { ExitCode } from './exit-codes';
import { diagnosticLines } from './diagnostic-lines';
import { CliError, EXIT_CODES } from './exit-codes';

export interface Failure {
  lines: string[];
  exitCode: ExitCode;
}

/** The server's `data.diagnostics` and `data.code` of a tRPC error (see trpc.ts). */
function dataOf(error: TRPCClientError<never>): { code?: string; diagnostics: Diagnostic[] } {
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null) return { diagnostics: [] };
  const code = 'code' in data && typeof data.code === 'string' ? data.code : undefined;
  const diagnostics =
    'diagnostics' in data && Array.isArray(data.diagnostics)
      ? (data.diagnostics as Diagnostic[])
      : [];
  return { ...(code === undefined ? {} : { code }), diagnostics };
}

function statusOf(error: TRPCClientError<never>): number | undefined {
  const response = error.meta?.response;
  return response instanceof Response ? response.status : undefined;
}

const FLOW_CODES = new Set(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT']);

/** The failure of `error`; `document` names the stages of diagnostics by their labels. */
export function failureOf(error: unknown, document?: FlowDocument): Failure {
  if (error instanceof CliError) return { lines: [error.message], exitCode: error.exitCode };
  if (error instanceof TRPCClientError) {
    const typed = error as TRPCClientError<never>;
    if (statusOf(typed) === 401) {
      return {
        lines: ['The server needs its access token: pass --token or set SLUICE_TOKEN.'],
        exitCode: EXIT_CODES.connect,
      };
    }
    const { code, diagnostics } = dataOf(typed);
    if (code !== undefined && FLOW_CODES.has(code)) {
      return {
        lines: [typed.message, ...diagnosticLines(diagnostics, document)],
        exitCode: EXIT_CODES.invalid,
      };
    }
    if (code === undefined && typed.cause instanceof Error) {
      return {
        lines: [`Cannot reach the Sluice server: ${typed.cause.message}.`],
        exitCode: EXIT_CODES.connect,
      };
    }
    return { lines: [typed.message], exitCode: EXIT_CODES.failed };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { lines: [message], exitCode: EXIT_CODES.failed };
}
