import type { Product } from '../plan';
import { PRODUCTS } from '../plan';
import { DUCKDB_DENIED_FUNCTIONS } from './duckdb-functions';
import { MATRIXONE_DENIED_FUNCTIONS } from './matrixone-functions';
import { MARIADB_DENIED_FUNCTIONS, MYSQL_DENIED_FUNCTIONS } from './mysql-functions';

/**
 * Why a function may not appear in user SQL: a condition or expression only reads the rows of
 * its stage's inputs, so anything that waits, locks, touches files, settings or the network, runs
 * SQL text or changes state is out.
 */
export type DeniedReason = 'waits' | 'locks' | 'files' | 'settings' | 'network' | 'sql' | 'writes';

/** Lower-case function names of one product, each with why it is refused. */
export type DeniedFunctions = Readonly<Record<string, DeniedReason>>;

/** Each product's list; MySQL and MariaDB share a dialect but not every function. */
export const DENIED_FUNCTIONS: Readonly<Record<Product, DeniedFunctions>> = {
  DuckDB: DUCKDB_DENIED_FUNCTIONS,
  MySQL: MYSQL_DENIED_FUNCTIONS,
  MariaDB: MARIADB_DENIED_FUNCTIONS,
  MatrixOne: MATRIXONE_DENIED_FUNCTIONS,
};

/** A refused function: why, and on which products it does so. */
export interface DeniedFunction {
  reason: DeniedReason;
  products: Product[];
}

/**
 * Looks a function name up in every product's list, since a flow's expressions are checked
 * before anyone knows which target runs them (previews, flows moved between servers).
 * @example deniedFunction('PG_SLEEP') // { reason: 'waits', products: ['DuckDB'] }
 */
export function deniedFunction(name: string): DeniedFunction | undefined {
  const key = name.toLowerCase();
  let reason: DeniedReason | undefined;
  const products: Product[] = [];
  for (const product of PRODUCTS) {
    const list = DENIED_FUNCTIONS[product];
    const why = Object.hasOwn(list, key) ? list[key] : undefined;
    if (why === undefined) continue;
    reason ??= why;
    products.push(product);
  }
  return reason === undefined ? undefined : { reason, products };
}
