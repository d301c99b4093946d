import { describe, expect, it } from 'vitest';

import { getDialect } from '.';

const duckdb = getDialect('duckdb');
const csv = {
  kind: 'csv' as const,
  header: true,
  delimiter: ',',
  quote: '"',
  escape: '"',
  skipLines: 0,
  nullString: '',
};

describe('duckdb dialect', () => {
  it.each([
    ['plain', `'plain'`],
    [`it's`, `'it''s'`],
    ['back\\slash', `'back\\slash'`],
    ['"double" `tick`', `'"double" \`tick\`'`],
    ['東京 🚀', `'東京 🚀'`],
  ])('writes the literal for %j', (value, expected) => {
    expect(duckdb.literal(value)).toBe(expected);
  });

  it('quotes identifiers and schema-qualified tables', () => {
    expect(duckdb.quoteIdentifier('a"b')).toBe('"a""b"');
    expect(duckdb.quoteTable({ schema: 's"1', name: 't' })).toBe('"s""1"."t"');
  });

  it('sniffs columns with the load options, skipping rows that do not fit', () => {
    expect(duckdb.sniffColumns({ local: "/d/o'k.csv", format: { ...csv, delimiter: ';' } })).toBe(
      `SELECT unnest(Columns, recursive := true) FROM sniff_csv('/d/o''k.csv', header = true, delim = ';', quote = '"', escape = '"', nullstr = '', skip = 0, ignore_errors = true)`,
    );
  });

  it('refuses NUL rather than emitting it', () => {
    expect(() => duckdb.literal('a\0b')).toThrow('NUL');
    expect(() => duckdb.quoteIdentifier('a\0b')).toThrow('NUL');
  });

  it.each([
    [
      'detected columns',
      [],
      `CREATE TABLE "t" AS SELECT * FROM read_csv('/d/it''s.csv', header = true, delim = ',', quote = '"', escape = '"', nullstr = '', skip = 0, strict_mode = true, null_padding = false, ignore_errors = false, auto_detect = true)`,
    ],
    [
      'explicit columns',
      [
        { name: "o'k", type: 'DECIMAL' as const },
        { name: 'd', type: 'DATE' as const },
      ],
      `CREATE TABLE "t" AS SELECT * FROM read_csv('/d/it''s.csv', header = true, delim = ',', quote = '"', escape = '"', nullstr = '', skip = 0, strict_mode = true, null_padding = false, ignore_errors = false, columns = {'o''k': 'DECIMAL(38, 10)', 'd': 'DATE'}, auto_detect = false)`,
    ],
  ])('loads a file with %s', (_, columns, expected) => {
    expect(duckdb.loadFile({ table: 't', local: "/d/it's.csv", format: csv, columns })).toBe(
      expected,
    );
  });

  it.each([
    [
      'append',
      true,
      [
        'create: CREATE TABLE IF NOT EXISTS "s"."t" AS SELECT * FROM "v" WITH NO DATA',
        'write: INSERT INTO "s"."t" BY NAME SELECT * FROM "v"',
      ],
    ],
    ['append', false, ['write: INSERT INTO "s"."t" BY NAME SELECT * FROM "v"']],
    ['overwrite', true, ['write: CREATE OR REPLACE TABLE "s"."t" AS SELECT * FROM "v"']],
    [
      'overwrite',
      false,
      [
        'check: SELECT * FROM "s"."t" LIMIT 0',
        'write: CREATE OR REPLACE TABLE "s"."t" AS SELECT * FROM "v"',
      ],
    ],
  ] as const)('writes a table in %s mode (create if missing: %s)', (mode, create, expected) => {
    const statements = duckdb.writeTable({
      source: 'v',
      table: { schema: 's', name: 't' },
      mode,
      createIfMissing: create,
    });
    expect(statements.map((s) => `${s.kind}: ${s.sql}`)).toEqual(expected);
  });

  it('exports with every CSV option spelled out', () => {
    const format = { ...csv, delimiter: '\t', header: false, nullString: 'N/A' };
    expect(duckdb.exportFile({ source: 'v', local: '/out/a.csv', format })).toBe(
      `COPY (SELECT * FROM "v") TO '/out/a.csv' (FORMAT csv, HEADER false, DELIMITER '\t', QUOTE '"', ESCAPE '"', NULLSTR 'N/A')`,
    );
  });
});
