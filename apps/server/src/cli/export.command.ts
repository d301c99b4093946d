/** `sluice export <flow> [-o file]`: writes a saved flow as a flow file, to stdout by default. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { flowFileText } from '@sluice/flow';

import type { ConnectionOptions } from './connection';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { invocationDir } from '../env';
import { connect } from './connection';
import { CliError, EXIT_CODES } from './exit-codes';
import { savedFlowNamed } from './flow-source';

export interface ExportOptions extends ConnectionOptions {
  output?: string | undefined;
  version?: number | undefined;
}

export async function exportCommand(
  name: string,
  options: ExportOptions,
  output: Output,
): Promise<ExitCode> {
  const connection = await connect(options);
  try {
    const saved = await savedFlowNamed(connection.client, name);
    if (saved === undefined) {
      throw new CliError(
        `There is no flow named "${name}" on ${connection.where}.`,
        EXIT_CODES.invalid,
      );
    }
    const file = await connection.client.flow.exportFile.query({
      id: saved.id,
      ...(options.version === undefined ? {} : { version: options.version }),
    });
    const text = flowFileText(file);
    if (options.output === undefined) {
      output.out(text);
      return EXIT_CODES.ok;
    }
    const path = resolve(invocationDir(), options.output);
    await writeFile(path, text);
    output.err(`Wrote "${saved.name}" to ${path}.`);
    return EXIT_CODES.ok;
  } finally {
    await connection.close();
  }
}
