import type { DatabaseLocation, OpenTargetOptions, Target } from './target';
import { openDuckDbTarget } from './duckdb/duckdb-target';
import { openMySqlTarget } from './mysql/mysql-target';

/**
 * Connects to the database, detects product and version (MariaDB vs MySQL from `VERSION()`,
 * MatrixOne 3.x vs 4.x), and fails with `TargetConnectError` whose message is one line a
 * person can act on (unreachable host, wrong password, missing database, wrong product).
 */
export function openTarget(
  location: DatabaseLocation,
  options: OpenTargetOptions,
): Promise<Target> {
  return location.kind === 'duckdb'
    ? openDuckDbTarget(location.path, options)
    : openMySqlTarget(location, options);
}
