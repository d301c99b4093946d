/**
 * `sluice import <file> [--name]`: saves a flow file as a new flow; a name another flow has gets
 * " (imported)". Refused, saving nothing, when the file is malformed or names external stages or
 * stage types the server or database lacks.
 */
import type { ConnectionOptions } from './connection';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { connect } from './connection';
import { CliError, EXIT_CODES } from './exit-codes';
import { failureOf } from './failure';
import { readFlowFileAt } from './flow-source';

export interface ImportOptions extends ConnectionOptions {
  name?: string | undefined;
}

export async function importCommand(
  path: string,
  options: ImportOptions,
  output: Output,
): Promise<ExitCode> {
  const file = await readFlowFileAt(path);
  const connection = await connect(options);
  try {
    const imported = await connection.client.flow.importFile
      .mutate({ file, ...(options.name === undefined ? {} : { name: options.name }) })
      .catch((error: unknown) => {
        const failure = failureOf(error, file.document);
        throw new CliError(failure.lines.join('\n'), failure.exitCode);
      });
    const migrated =
      imported.migratedFrom === undefined
        ? ''
        : ` (its document migrated from schema version ${imported.migratedFrom})`;
    output.out(`Imported "${imported.name}" on ${connection.where}${migrated}.`);
    return EXIT_CODES.ok;
  } finally {
    await connection.close();
  }
}
