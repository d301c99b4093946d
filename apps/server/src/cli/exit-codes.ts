/** How `sluice` tells a scheduler or CI job what happened, one code per ending. */
export const EXIT_CODES = {
  /** The run succeeded; the flow is valid; the command did what it says. */
  ok: 0,
  /** The run failed or was interrupted; `validate` found an error. */
  failed: 1,
  /** The command line is wrong: an unknown option, a missing argument, a bad setting. */
  usage: 2,
  /** The run was cancelled (Ctrl-C cancels it). */
  cancelled: 3,
  /** The flow cannot run as given: a malformed file, error diagnostics, a missing flow or external stage. */
  invalid: 4,
  /** The server or database cannot be reached, or refused the access token. */
  connect: 5,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit codes as `--help` and the README list them. */
export const EXIT_CODES_HELP = `Exit codes:
  0  succeeded (run), valid (validate), done (other commands)
  1  the run failed or was interrupted; validate found an error
  2  wrong command line or setting
  3  the run was cancelled
  4  the flow cannot run as given: malformed file, error diagnostics,
     unknown flow, missing external stage or stage type
  5  cannot reach the server or database, or the access token was refused`;

/** A command's ending other than success: the message for stderr and the code to exit with. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
