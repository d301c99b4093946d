/**
 * `sluice validate <flow | file>`: the editor's diagnostics of a flow on the connected server or
 * database, one line each with its stage and field; exit 1 when any is an error.
 */
import { hasErrors } from '@sluice/flow';

import type { ConnectionOptions } from './connection';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { connect } from './connection';
import { diagnosticLines } from './diagnostic-lines';
import { CliError, EXIT_CODES } from './exit-codes';
import { flowSource } from './flow-source';

export async function validateCommand(
  argument: string,
  options: ConnectionOptions,
  output: Output,
): Promise<ExitCode> {
  const connection = await connect(options);
  try {
    let source;
    try {
      source = await flowSource(connection.client, argument, connection.where);
    } catch (error) {
      // A file that is not a flow file is as invalid as a flow with errors.
      if (error instanceof CliError && error.exitCode === EXIT_CODES.invalid) {
        throw new CliError(error.message, EXIT_CODES.failed);
      }
      throw error;
    }
    const { document } = source;
    const { diagnostics } = await connection.client.compile.preview.query({ document });
    for (const line of diagnosticLines(diagnostics, document)) output.out(line);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    output.out(
      errors === 0
        ? `"${source.name}" is valid${diagnostics.length === 0 ? '' : ` (${diagnostics.length} warnings)`}.`
        : `"${source.name}" has ${errors} ${errors === 1 ? 'error' : 'errors'}.`,
    );
    return hasErrors(diagnostics) ? EXIT_CODES.failed : EXIT_CODES.ok;
  } finally {
    await connection.close();
  }
}
