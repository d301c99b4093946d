/**
 * The server's only console output: the start line, setting warnings and unexpected errors. Everything else a
 * person needs travels in tRPC errors and run records.
 */

/* eslint-disable no-console -- this module is the one sanctioned place for console output */
export const logger = {
  info(line: string): void {
    console.log(line);
  },
  /** One line about a setting the person may want to change; the server carries on. */
  warn(line: string): void {
    console.warn(line);
  },
  /** One line explaining why the server cannot start, for the person starting it. */
  fatal(line: string): void {
    console.error(line);
  },
  error(context: string, error: unknown): void {
    console.error(`${context}:`, error);
  },
};
/* eslint-enable no-console */
