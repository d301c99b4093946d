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

interface ErrorData {
  code?: string;
  diagnostics: Diagnostic[];
  /** A run refused for its parameter values: one `{ name, message }` per value. */
  parameterProblems: { name: string; message: string }[];
}

const listIn = <T>(data: object, key: string): T[] => {
  const value: unknown = (data as Record<string, unknown>)[key];
  return Array.isArray(value) ? (value as T[]) : [];
};

/** The server's `data.code`, `data.diagnostics` and `data.parameterProblems` (see trpc.ts). */
function dataOf(error: TRPCClientError<never>): ErrorData {
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null) return { diagnostics: [], parameterProblems: [] };
  const code = 'code' in data && typeof data.code === 'string' ? data.code : undefined;
  return {
    ...(code === undefined ? {} : { code }),
    diagnostics: listIn(data, 'diagnostics'),
    parameterProblems: listIn(data, 'parameterProblems'),
  };
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
    const { code, diagnostics, parameterProblems } = dataOf(typed);
    if (code !== undefined && FLOW_CODES.has(code)) {
      const parameters = parameterProblems.map(
        ({ name, message }) => `--param ${name}: ${message}`,
      );
      return {
        lines: [typed.message, ...parameters, ...diagnosticLines(diagnostics, document)],
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
