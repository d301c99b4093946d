import type { Compression } from './stage-ir';

/** The compressions a file source may name; `auto` goes by the file's extension. */
export const COMPRESSIONS = [
  'auto',
  'none',
  'gzip',
  'bzip2',
  'lz4',
  'zstd',
] as const satisfies readonly Compression[];

/** Labels of the compression choices. */
export const COMPRESSION_LABELS: Record<Compression, string> = {
  auto: 'From the file extension',
  none: 'None',
  gzip: 'gzip',
  bzip2: 'bzip2',
  lz4: 'LZ4',
  zstd: 'Zstandard',
};

/** The extensions every target's `auto` reads as a compression (DuckDB, MatrixOne §2.6). */
const EXTENSIONS: readonly [suffix: string, compression: Compression][] = [
  ['.gz', 'gzip'],
  ['.gzip', 'gzip'],
  ['.bz2', 'bzip2'],
  ['.bzip2', 'bzip2'],
  ['.lz4', 'lz4'],
  ['.zst', 'zstd'],
];

/**
 * The compression a file is read in: the one named, or for `auto` (or none named) the one its
 * extension says, `none` for any other extension.
 * @example readCompression('in/a.csv.gz', undefined) // 'gzip'
 */
export function readCompression(path: string, named: Compression | undefined): Compression {
  if (named !== undefined && named !== 'auto') return named;
  const lower = path.toLowerCase();
  return EXTENSIONS.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? 'none';
}
