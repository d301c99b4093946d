import { PassThrough, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

import { errorReason } from '../error-details';

/** A file read as gzip that is not, or is cut short, naming the file. */
export class CompressedFileError extends Error {
  override name = 'CompressedFileError';
}

/**
 * The bytes of the gzip file read from `input`, unpacked as they stream. A file that is not
 * gzip fails the stream naming `file` (its stage:// URI), not with zlib's bare "incorrect
 * header check".
 */
export function gunzip(input: Readable, file: string): Readable {
  const unpacked = new PassThrough();
  const unpack = createGunzip();
  pipeline(input, unpack, (error) => {
    if (!error) return;
    const reason = `it is not a whole gzip file (${errorReason(error)})`;
    unpacked.destroy(new CompressedFileError(`Cannot load ${file}: ${reason}.`, { cause: error }));
  });
  return unpack.pipe(unpacked);
}
