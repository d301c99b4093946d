import type { ConnectionOptions, TypeCast } from 'mysql2';

/** Where a MySQL-family server is and who Sluice is there. */
export interface MySqlAddress {
  host: string;
  port: number;
  user: string;
  password: string;
  database?: string;
}

/**
 * TINYINT(1) is how MySQL and MariaDB spell BOOLEAN, so it reads back as true/false like
 * DuckDB's BOOLEAN; every other type keeps mysql2's conversion.
 */
const typeCast: TypeCast = (field, next) => {
  if (field.type !== 'TINY' || field.length !== 1) return next();
  const text = field.string();
  return text === null ? null : text !== '0';
};

/**
 * mysql2 options for every connection Sluice opens. Values come back exactly: dates and
 * datetimes as the server's text, BIGINT as a number only while it fits a double (else its
 * digits), DECIMAL as its digits. One statement per query, so user SQL cannot smuggle a second.
 */
export function connectionOptions(address: MySqlAddress): ConnectionOptions {
  return {
    host: address.host,
    port: address.port,
    user: address.user,
    password: address.password,
    ...(address.database === undefined ? {} : { database: address.database }),
    charset: 'utf8mb4',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    multipleStatements: false,
    // mysql2 asks for IGNORE_SPACE by default, which makes names such as `count` reserved words
    // in people's conditions; the server's own default parsing is kept instead.
    flags: ['-IGNORE_SPACE'],
    typeCast,
    connectTimeout: 10_000,
  };
}

/** The modes the mysql dialect's SQL cannot live with (see `sessionSqlMode`). */
const UNWANTED_MODES = new Set(['NO_BACKSLASH_ESCAPES', 'ANSI_QUOTES']);
const STRICT_MODES = ['STRICT_TRANS_TABLES', 'STRICT_ALL_TABLES'];

/**
 * The session `sql_mode` Sluice runs with, from the server's: the mysql dialect escapes `\` in
 * string literals and quotes names with backticks, so NO_BACKSLASH_ESCAPES and ANSI_QUOTES go;
 * strict mode stays (added when missing) so a bad value fails a load instead of becoming 0.
 * @example sessionSqlMode('ANSI_QUOTES,NO_ENGINE_SUBSTITUTION') // 'NO_ENGINE_SUBSTITUTION,STRICT_TRANS_TABLES'
 */
export function sessionSqlMode(serverMode: string): string {
  const modes = serverMode
    .split(',')
    .map((mode) => mode.trim().toUpperCase())
    .filter((mode) => mode !== '' && !UNWANTED_MODES.has(mode));
  if (!modes.some((mode) => STRICT_MODES.includes(mode))) modes.push('STRICT_TRANS_TABLES');
  return modes.join(',');
}
