import type { Column, ColumnType } from '@sluice/stages';
import { COLUMN_TYPES } from '@sluice/stages';

/** Type names targets give that mean a neutral type under another name. */
const ALIASES: Readonly<Record<string, ColumnType>> = {
  INT: 'INTEGER',
  SMALLINT: 'INTEGER',
  TINYINT: 'INTEGER',
  MEDIUMINT: 'INTEGER',
  HUGEINT: 'BIGINT',
  FLOAT: 'DOUBLE',
  REAL: 'DOUBLE',
  NEWDECIMAL: 'DECIMAL',
  BOOL: 'BOOLEAN',
  DATETIME: 'TIMESTAMP',
  TEXT: 'VARCHAR',
  CHAR: 'VARCHAR',
  STRING: 'VARCHAR',
};

/**
 * A column as a zero-row query names it, with the neutral type its target type stands for; a
 * type with no neutral match (an interval, a blob) is left unknown rather than guessed.
 */
export function describedColumn(column: { name: string; type: string }): Column {
  const base = column.type.replace(/\(.*$/, '').trim().toUpperCase();
  const type = (COLUMN_TYPES as readonly string[]).includes(base)
    ? (base as ColumnType)
    : ALIASES[base];
  return type === undefined ? { name: column.name } : { name: column.name, type };
}
