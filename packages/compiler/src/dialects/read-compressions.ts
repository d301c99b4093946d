import type { Compression } from '@sluice/stages';

import type { DialectName } from '../plan';

/**
 * The compressions each target reads a file in. DuckDB's readers take `gzip` and `zstd`
 * (`compression` of read_csv and read_json); MySQL and MariaDB get their bytes from Sluice,
 * which unpacks gzip with Node's zlib; MatrixOne's LOAD names each of these (`'compression'`,
 * `pkg/sql/parsers/tree/update.go`; zstd only after 4.2, see the dialect).
 * @see https://duckdb.org/docs/stable/data/csv/overview#parameters
 */
export const READ_COMPRESSIONS: Readonly<Record<DialectName, readonly Compression[]>> = {
  duckdb: ['auto', 'none', 'gzip', 'zstd'],
  mysql: ['auto', 'none', 'gzip'],
  matrixone: ['auto', 'none', 'gzip', 'bzip2', 'lz4', 'zstd'],
};

const PRODUCT_NAMES: Readonly<Record<DialectName, string>> = {
  duckdb: 'DuckDB',
  mysql: 'MySQL or MariaDB',
  matrixone: 'MatrixOne',
};

/** The targets that read `compression`, for a diagnostic's "needs". */
export function targetsReading(compression: Compression): string {
  const names = Object.entries(READ_COMPRESSIONS)
    .filter(([, list]) => list.includes(compression))
    .map(([name]) => PRODUCT_NAMES[name as DialectName]);
  return names.join(' or ');
}
