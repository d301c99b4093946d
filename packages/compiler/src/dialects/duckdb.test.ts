import { describe, expect, it } from 'vitest';

import { getDialect } from '.';

const duckdb = getDialect('duckdb');
const file = { externalStage: 'samples', path: 'a' };
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
    const [step] = duckdb.loadFile({
      table: 't',
      file,
      local: "/d/it's.csv",
      format: csv,
      columns,
    });
    expect(step?.sql).toBe(expected);
    expect(step?.inTransaction).toBe(true);
  });

  it.each([
    [
      'JSON lines with detected columns',
      { kind: 'jsonl' as const },
      [],
      `CREATE TABLE "t" AS SELECT * FROM read_json('/d/a', format = 'newline_delimited')`,
    ],
    [
      'JSON lines with explicit columns',
      { kind: 'jsonl' as const },
      [{ name: 'id', type: 'BIGINT' as const }, { name: 'x' }],
      `CREATE TABLE "t" AS SELECT * FROM read_json('/d/a', format = 'newline_delimited', columns = {'id': 'BIGINT', 'x': 'VARCHAR'}, auto_detect = false)`,
    ],
    [
      'Parquet with its own columns',
      { kind: 'parquet' as const },
      [],
      `CREATE TABLE "t" AS SELECT * FROM read_parquet('/d/a')`,
    ],
    [
      'Parquet with explicit columns',
      { kind: 'parquet' as const },
      [{ name: 'a"b', type: 'DATE' as const }],
      `CREATE TABLE "t" AS SELECT CAST("a""b" AS DATE) AS "a""b" FROM read_parquet('/d/a')`,
    ],
  ])('loads %s', (_, format, columns, expected) => {
    const [step] = duckdb.loadFile({ table: 't', file, local: '/d/a', format, columns });
    expect(step?.sql).toBe(expected);
  });

  it.each([
    ['JSON lines', 'read_json', { kind: 'jsonl' as const }, `, format = 'newline_delimited'`],
    ['Parquet', 'read_parquet', { kind: 'parquet' as const }, ''],
  ])('describes the columns of %s', (_, reader, format, options) => {
    expect(duckdb.sniffColumns({ local: '/d/a', format })).toBe(
      `SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM ${reader}('/d/a'${options}))`,
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
    const { steps } = duckdb.writeTable({
      stageId: 'd',
      runTag: 'r1',
      source: '"v"',
      query: 'SELECT * FROM "v"',
      table: { schema: 's', name: 't' },
      mode,
      keys: [],
      createIfMissing: create,
      columns: undefined,
      exists: undefined,
      keepDefinition: false,
    });
    expect(steps.map((s) => `${s.kind}: ${s.sql}`)).toEqual(expected);
    expect(steps.every((s) => s.inTransaction && s.phase === 'write')).toBe(true);
  });

  it('exports with every CSV option spelled out', () => {
    const format = { ...csv, delimiter: '\t', header: false, nullString: 'N/A' };
    const [step] = duckdb.exportFile({
      source: '"v"',
      query: 'SELECT * FROM "v"',
      file,
      local: '/out/a.csv',
      format,
    });
    expect(step?.sql).toBe(
      `COPY (SELECT * FROM "v") TO '/out/a.csv' (FORMAT csv, HEADER false, DELIMITER '\t', QUOTE '"', ESCAPE '"', NULLSTR 'N/A')`,
    );
  });

  it.each([
    [{ kind: 'jsonl' as const }, 'FORMAT json'],
    [{ kind: 'parquet' as const }, 'FORMAT parquet'],
  ])('exports %j to the temporary name', (format, options) => {
    const args = {
      source: '"v"',
      query: 'SELECT * FROM "v"',
      file,
      local: '/out/a',
      temp: '/out/a.tmp',
      format,
    };
    const [step] = duckdb.exportFile(args);
    expect(step?.sql).toBe(`COPY (SELECT * FROM "v") TO '/out/a.tmp' (${options})`);
    expect(step?.files).toEqual([
      { ref: file, mode: 'write', local: '/out/a', temp: '/out/a.tmp' },
    ]);
  });
});
