/**
 * `sluice run <flow | file>`: runs a saved flow, or a flow file (saved first as the flow of its
 * name, a new version when its document changed), printing each stage as it goes; the exit
 * code says how the run ended.
 */
import { isDeepStrictEqual } from 'node:util';

import type { FlowFile } from '@sluice/flow';
import { hasErrors } from '@sluice/flow';

import type { RunDetail, RunState } from '../runs/run-types';
import type { ConnectionOptions, SluiceClient } from './connection';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { isTerminal } from '../runs/run-types';
import { connect } from './connection';
import { diagnosticLines } from './diagnostic-lines';
import { CliError, EXIT_CODES } from './exit-codes';
import { failureOf } from './failure';
import { flowSource, savedFlowNamed } from './flow-source';
import { endingLine, progressPrinter } from './run-progress';

const EXIT_BY_STATE: Record<RunState, ExitCode> = {
  queued: EXIT_CODES.failed,
  running: EXIT_CODES.failed,
  succeeded: EXIT_CODES.ok,
  failed: EXIT_CODES.failed,
  interrupted: EXIT_CODES.failed,
  cancelled: EXIT_CODES.cancelled,
};

/**
 * The flow a file runs as: the saved flow of its name (the file's document saved as a new
 * version when it differs), or a new one; nothing is saved for a file with errors.
 */
async function savedFromFile(
  client: SluiceClient,
  file: FlowFile,
  output: Output,
): Promise<{ id: string; name: string }> {
  // A file that cannot run is refused before it is saved, as the server would refuse its run.
  const { diagnostics } = await client.compile.preview.query({ document: file.document });
  if (hasErrors(diagnostics)) {
    const lines = [`"${file.name}" cannot run:`, ...diagnosticLines(diagnostics, file.document)];
    throw new CliError(lines.join('\n'), EXIT_CODES.invalid);
  }
  const saved = await savedFlowNamed(client, file.name);
  if (saved === undefined) {
    const imported = await client.flow.importFile.mutate({ file });
    output.out(`Imported the file as the flow "${imported.name}".`);
    return imported;
  }
  if (!isDeepStrictEqual(saved.document, file.document)) {
    const next = await client.flow.save.mutate({
      id: saved.id,
      baseVersion: saved.version,
      document: file.document,
    });
    output.out(`Saved the file as version ${next.version} of the flow "${saved.name}".`);
  }
  return saved;
}

/** Every snapshot of the run until it ends; resolves with the last. */
function watchRun(
  client: SluiceClient,
  runId: string,
  onSnapshot: (detail: RunDetail) => void,
): Promise<RunDetail> {
  return new Promise((resolve, reject) => {
    let last: RunDetail | undefined;
    const subscription = client.run.events.subscribe(
      { runId },
      {
        onData(detail) {
          last = detail;
          onSnapshot(detail);
          if (!isTerminal(detail.state)) return;
          subscription.unsubscribe();
          resolve(detail);
        },
        onError: reject,
        onComplete() {
          if (last === undefined) reject(new Error(`Run ${runId} sent no state.`));
          else resolve(last);
        },
      },
    );
  });
}

export interface RunOptions extends ConnectionOptions {
  /** `--param name=value`, as text: the server reads each for its parameter's declared type. */
  param?: Record<string, string> | undefined;
}

export async function runCommand(
  argument: string,
  options: RunOptions,
  output: Output,
): Promise<ExitCode> {
  const connection = await connect(options);
  const { client, where } = connection;
  try {
    const source = await flowSource(client, argument, where);
    const flow =
      source.kind === 'saved' ? source : await savedFromFile(client, source.file, output);
    let runId: string;
    try {
      const parameters = options.param === undefined ? {} : { parameters: options.param };
      ({ runId } = await client.run.start.mutate({ flowId: flow.id, ...parameters }));
    } catch (error) {
      const failure = failureOf(error, source.document);
      throw new CliError(failure.lines.join('\n'), failure.exitCode);
    }
    output.out(`Run ${runId} of "${flow.name}" on ${where}`);
    // Ctrl-C cancels the run rather than leaving it to run on unwatched.
    const cancel = (): void => {
      output.err('Cancelling the run…');
      void client.run.cancel.mutate({ runId });
    };
    process.once('SIGINT', cancel);
    const print = progressPrinter();
    try {
      const ended = await watchRun(client, runId, (detail) => {
        for (const line of print(detail)) output.out(line);
      });
      output.out(endingLine(ended));
      return EXIT_BY_STATE[ended.state];
    } finally {
      process.off('SIGINT', cancel);
    }
  } finally {
    await connection.close();
  }
}
