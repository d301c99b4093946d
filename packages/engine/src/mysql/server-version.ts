import type { Product } from '@sluice/compiler';
import { versionAtLeast } from '@sluice/compiler';

/** The product and `major.minor.patch` version a MySQL-protocol server reports. */
export interface ServerVersion {
  product: Extract<Product, 'MySQL' | 'MariaDB' | 'MatrixOne'>;
  version: string;
}

const SEMVER = /(\d+)\.(\d+)\.(\d+)/;

/**
 * Reads `SELECT VERSION()`: MariaDB says `10.11.19-MariaDB-0+deb12u1`; MatrixOne answers as a
 * MySQL 8.0.30 with its own release after `-MatrixOne-v` (`8.0.30-MatrixOne-v4.0.0-rc3`), and a
 * build from source leaves the release empty (`8.0.30-MatrixOne-v`), which is newer than any
 * release, so it gets `999.0.0` as MatrixOne's own SDK does; anything else is MySQL.
 * @example parseServerVersion('8.0.30-MatrixOne-v3.0.18') // { product: 'MatrixOne', version: '3.0.18' }
 */
export function parseServerVersion(text: string): ServerVersion {
  const matrixOne = /-MatrixOne-v(\S*)/i.exec(text);
  if (matrixOne) {
    const release = SEMVER.exec(matrixOne[1] ?? '');
    return { product: 'MatrixOne', version: release ? semver(release) : '999.0.0' };
  }
  const product = /mariadb/i.test(text) ? 'MariaDB' : 'MySQL';
  // MariaDB 10.x behind a MySQL 5.5 replication prefix reports `5.5.5-10.11.19-MariaDB`.
  const found = SEMVER.exec(text.replace(/^5\.5\.5-/, ''));
  return { product, version: found ? semver(found) : '0.0.0' };
}

function semver(match: RegExpExecArray): string {
  return `${match[1] ?? '0'}.${match[2] ?? '0'}.${match[3] ?? '0'}`;
}

/** The oldest release of each product Sluice supports. */
const OLDEST: Record<ServerVersion['product'], string> = {
  MySQL: '8.0',
  MariaDB: '10.6',
  MatrixOne: '3.0',
};

/**
 * Why Sluice cannot work with this server release, or undefined when it can: the dialects are
 * written for these releases and newer (sql-reference.md §9 for MySQL and MariaDB), and older
 * ones differ in SQL they rely on. MatrixOne built from source reports no release and reads as
 * `999.0.0`, so it passes.
 * @example unsupportedVersion({ product: 'MariaDB', version: '10.5.9' }) // 'MariaDB 10.5.9 is …'
 */
export function unsupportedVersion(server: ServerVersion): string | undefined {
  const oldest = OLDEST[server.product];
  if (versionAtLeast(server.version, oldest)) return undefined;
  return `${server.product} ${server.version} is older than Sluice supports; it needs ${server.product} ${oldest} or newer.`;
}
