/** Why a file or external-stage folder was refused. */
export type FileAccessCode =
  | 'OUTSIDE_ROOTS'
  | 'NOT_FOUND'
  | 'BAD_URL'
  | 'BAD_PATH'
  | 'UNSUPPORTED_SCHEME'
  /** A checked path changed before it was opened (a folder swapped for a symbolic link). */
  | 'CHANGED';

/** A file access a person asked for and Sluice refused; the message says what to change. */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';

  constructor(
    readonly code: FileAccessCode,
    message: string,
  ) {
    super(message);
  }
}
