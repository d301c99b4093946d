/** `sluice list`: the saved flows, one per line with their latest version. */
import type { ConnectionOptions } from './connection';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { connect } from './connection';
import { EXIT_CODES } from './exit-codes';

export async function listCommand(options: ConnectionOptions, output: Output): Promise<ExitCode> {
  const connection = await connect(options);
  try {
    const flows = await connection.client.flow.list.query();
    if (flows.length === 0) output.err(`No flows on ${connection.where} yet.`);
    for (const flow of flows) {
      output.out(`${flow.name}\tversion ${flow.version}\t${flow.stageCount} stages`);
    }
    return EXIT_CODES.ok;
  } finally {
    await connection.close();
  }
}
