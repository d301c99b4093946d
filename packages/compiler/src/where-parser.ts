// One grammar per import keeps the web bundle small: expressions are read with the PostgreSQL
// one (closest to DuckDB's), a SQL transform's SELECT with the MySQL one too (parse-select.ts).
import parser from 'node-sql-parser/build/postgresql';

/** The parser expressions are read with, alone (check-sql.ts) or many at once. */
export const whereParser = new parser.Parser();

/**
 * What an expression is read after, as the WHERE of a plain SELECT: the same statement alone and
 * in a batch, which is what lets a batch's node for a text stand for the text's own.
 */
export const WHERE_START = 'SELECT * FROM t WHERE ';
