/**
 * The database Sluice was pointed at cannot be used. The message is one line that says what to
 * fix (start the server, the password, the database name, a server setting), so start-up can
 * print it and stop.
 */
export class TargetConnectError extends Error {
  override name = 'TargetConnectError';
}
