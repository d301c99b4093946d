import type { FieldPacket } from 'mysql2';

/** The binary "character set" a server gives byte strings (BLOB, VARBINARY). */
const BINARY_CHARSET = 63;

/** SQL names of the protocol's column types; text and byte strings share codes (see below). */
const TYPE_NAMES: Readonly<Record<number, string>> = {
  0x00: 'DECIMAL',
  0x01: 'TINYINT',
  0x02: 'SMALLINT',
  0x03: 'INT',
  0x04: 'FLOAT',
  0x05: 'DOUBLE',
  0x06: 'NULL',
  0x07: 'TIMESTAMP',
  0x08: 'BIGINT',
  0x09: 'MEDIUMINT',
  0x0a: 'DATE',
  0x0b: 'TIME',
  0x0c: 'DATETIME',
  0x0d: 'YEAR',
  0x10: 'BIT',
  0xf5: 'JSON',
  0xf6: 'DECIMAL',
  0xf7: 'ENUM',
  0xf8: 'SET',
  0xff: 'GEOMETRY',
};

/** Text and byte-string codes: the character set tells TEXT from BLOB. */
const STRING_NAMES: Readonly<Record<number, [text: string, bytes: string]>> = {
  0x0f: ['VARCHAR', 'VARBINARY'],
  0xfd: ['VARCHAR', 'VARBINARY'],
  0xfe: ['CHAR', 'BINARY'],
  0xf9: ['TINYTEXT', 'TINYBLOB'],
  0xfa: ['MEDIUMTEXT', 'MEDIUMBLOB'],
  0xfb: ['LONGTEXT', 'LONGBLOB'],
  0xfc: ['TEXT', 'BLOB'],
};

/**
 * A result column's type as MySQL and MariaDB spell it in DDL, from the protocol's column
 * definition: TINYINT(1) is BOOLEAN, and a string type is TEXT or BLOB by its character set.
 * @see https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_column_definition.html
 */
export function columnTypeName(field: FieldPacket): string {
  const code = field.columnType ?? -1;
  if (code === 0x01 && field.columnLength === 1) return 'BOOLEAN';
  const strings = STRING_NAMES[code];
  if (strings) return field.characterSet === BINARY_CHARSET ? strings[1] : strings[0];
  return TYPE_NAMES[code] ?? 'UNKNOWN';
}
