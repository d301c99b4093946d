/**
 * The `sluice` command. With no command (or `serve`) it starts the server; the other commands
 * work on a running server (`--server`, `--token`) or directly on a target database
 * (`--database`), and exit with a code that says how they ended (see `exit-codes.ts`).
 */
import type { Command } from 'commander';
import { CommanderError, InvalidArgumentError, Option, program } from 'commander';

import type { CompileOptions } from './compile.command';
import type { ConnectionOptions } from './connection';
import type { ExitCode } from './exit-codes';
import type { ExportOptions } from './export.command';
import type { ImportOptions } from './import.command';
import type { RunOptions } from './run.command';
import { compileCommand, TARGET_NAMES } from './compile.command';
import { EXIT_CODES, EXIT_CODES_HELP } from './exit-codes';
import { exportCommand } from './export.command';
import { failureOf } from './failure';
import { importCommand } from './import.command';
import { listCommand } from './list.command';
import { processOutput } from './output';
import { runCommand } from './run.command';
import { validateCommand } from './validate.command';

const FLOW_ARGUMENT = 'a flow file (.sluice.json) or the name of a saved flow';

/** The options every command that talks to Sluice takes. */
function withConnection(command: Command): Command {
  return command
    .addOption(
      new Option('--server <url>', 'a running Sluice server, e.g. http://127.0.0.1:4310').conflicts(
        'database',
      ),
    )
    .addOption(new Option('--token <token>', "the server's access token").env('SLUICE_TOKEN'))
    .option(
      '--database <url>',
      'work directly on this target: duckdb:<file>, mysql://…, matrixone://… (default: SLUICE_DATABASE_URL, as the server)',
    );
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError('a version is a whole number from 1');
  }
  return number;
}

/** Adds one `--param name=value` to the ones before it; the name is what comes before "=". */
function parameterValue(
  text: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const at = text.indexOf('=');
  if (at < 1)
    throw new InvalidArgumentError('write it as name=value, e.g. --param run_date=2026-11-30');
  return { ...previous, [text.slice(0, at)]: text.slice(at + 1) };
}

/**
 * Runs one command and exits with its code; a thrown failure prints its lines to stderr. The
 * command has closed its connection by then, and an idle socket must not keep a CI job waiting.
 */
async function exitWith(action: () => Promise<ExitCode>): Promise<never> {
  try {
    process.exit(await action());
  } catch (error) {
    const failure = failureOf(error);
    for (const line of failure.lines) processOutput.err(line);
    process.exit(failure.exitCode);
  }
}

// `sluice compile … | head` closes the pipe early; that ends the command, it is no crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT_CODES.ok);
});

program
  .name('sluice')
  .description(
    'Sluice: draw data flows in the browser, run them inside the database.\nWith no command, starts the server (as `sluice serve`).',
  )
  .addHelpText('after', `\n${EXIT_CODES_HELP}`)
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve', { isDefault: true })
  .description('start the Sluice server (settings from SLUICE_* variables)')
  .action(async () => {
    await import('../main');
  });

withConnection(
  program
    .command('run')
    .description('run a flow, printing each stage as it goes')
    .argument('<flow>', FLOW_ARGUMENT)
    .option(
      '--param <name=value>',
      "a value for one of the flow's parameters (repeat for more); the others take their defaults",
      parameterValue,
    )
    .addHelpText(
      'after',
      `\nA file runs as the saved flow of its name (a new version when it changed), or is\nimported as a new flow.\n\n${EXIT_CODES_HELP}`,
    ),
).action((flow: string, options: RunOptions) =>
  exitWith(() => runCommand(flow, options, processOutput)),
);

withConnection(
  program
    .command('compile')
    .description('print the SQL a run of the flow would execute')
    .argument('<flow>', FLOW_ARGUMENT)
    .option(
      '--target <target>',
      `compile for ${TARGET_NAMES.join(', ')} or a database URL, instead of the connected database`,
    ),
).action((flow: string, options: CompileOptions) =>
  exitWith(() => compileCommand(flow, options, processOutput)),
);

withConnection(
  program
    .command('validate')
    .description('check a flow as the editor does; exit 1 when it has an error')
    .argument('<flow>', FLOW_ARGUMENT),
).action((flow: string, options: ConnectionOptions) =>
  exitWith(() => validateCommand(flow, options, processOutput)),
);

withConnection(
  program
    .command('export')
    .description('write a saved flow as a flow file')
    .argument('<flow>', 'the name of a saved flow')
    .option('-o, --output <file>', 'the file to write (default: stdout)')
    .option('--version <n>', 'a past version instead of the latest', positiveInteger),
).action((flow: string, options: ExportOptions) =>
  exitWith(() => exportCommand(flow, options, processOutput)),
);

withConnection(
  program
    .command('import')
    .description('save a flow file as a new flow (" (imported)" is added to a name in use)')
    .argument('<file>', 'a flow file (.sluice.json)')
    .option('--name <name>', 'the name of the new flow (default: the name in the file)'),
).action((file: string, options: ImportOptions) =>
  exitWith(() => importCommand(file, options, processOutput)),
);

withConnection(program.command('list').description('list the saved flows')).action(
  (options: ConnectionOptions) => exitWith(() => listCommand(options, processOutput)),
);

try {
  await program.parseAsync();
} catch (error) {
  // Commander has printed the usage problem, or the help or version asked for.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
}
