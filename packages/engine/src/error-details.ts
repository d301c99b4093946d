/** The message of a thrown value, whatever was thrown. */
export const errorReason = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The `code` of a Node or driver error (`ENOENT`, `ER_BAD_DB_ERROR`), when it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
