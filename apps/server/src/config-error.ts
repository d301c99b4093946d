/** A configuration problem, worded for the person starting the server in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
