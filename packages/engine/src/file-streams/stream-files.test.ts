import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Column, CsvFormat, FileFormat } from '@sluice/stages';
import { getDialect } from '@sluice/compiler';

import type { TestDatabase } from '../../test/mariadb';
import type { DuckDbClient } from '../duckdb/duckdb-client';
import { asPlanSteps } from '../../test/dialect-steps';
import { CSV } from '../../test/formats';
import { createTestDatabase } from '../../test/mariadb';
import { DuckDbDatabase } from '../duckdb/duckdb-client';
import { runStep } from '../run-step';

const TSV: CsvFormat = { ...CSV, delimiter: '\t', escape: '\\', nullString: 'NA' };

const mysql = getDialect('mysql');
const duckdb = getDialect('duckdb');

let dir: string;
let db: TestDatabase;
let duck: DuckDbDatabase;
let duckClient: DuckDbClient;

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'sluice-streams-')));
  db = await createTestDatabase('sluice_streams');
  duck = await DuckDbDatabase.open(':memory:', { allowedDirectories: [dir] });
  duckClient = await duck.connect();
}, 30_000);

afterAll(async () => {
  duck.close();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Loads `local` into a new MariaDB table with the mysql dialect's own steps; returns the rows. */
async function load(table: string, local: string, format: FileFormat, columns: Column[]) {
  const file = { externalStage: 'landing', path: local.slice(dir.length + 1) };
  const steps = asPlanSteps(mysql.loadFile({ table, file, local, format, columns }), table);
  const counts = [];
  for (const step of steps) counts.push(await runStep(db.client, step, db.client));
  return counts.at(-1);
}

describe('LOAD DATA LOCAL streaming on MariaDB', () => {
  it('streams a CSV file the server asked for by its token', async () => {
    const local = join(dir, 'orders.csv');
    await writeFile(local, 'id,name,paid\n1,"Smith, Jo",true\n2,,false\n3,"say ""hi""",\n');
    const columns: Column[] = [
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'paid', type: 'BOOLEAN' },
    ];
    expect(await load('csv_orders', local, CSV, columns)).toBe(3);
    expect(await db.client.query('SELECT * FROM csv_orders ORDER BY id')).toEqual([
      { id: 1, name: 'Smith, Jo', paid: true },
      { id: 2, name: null, paid: false },
      { id: 3, name: 'say "hi"', paid: null },
    ]);
  });

  it('reads CRLF line endings as DuckDB does, keeping a quoted CRLF', async () => {
    const local = join(dir, 'windows.csv');
    await writeFile(local, 'id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n3,"say ""hi"""\r\n');
    const columns: Column[] = [
      { name: 'id', type: 'BIGINT' },
      { name: 'note', type: 'VARCHAR' },
    ];
    expect(await load('csv_windows', local, CSV, columns)).toBe(3);
    const loaded = await db.client.query('SELECT id, note FROM csv_windows ORDER BY id');
    const file = { externalStage: 'landing', path: 'windows.csv' };
    const read = duckdb.loadFile({ table: 'windows', file, local, format: CSV, columns });
    for (const step of asPlanSteps(read, 'windows')) await runStep(duckClient, step);
    expect(loaded).toEqual(await duckClient.query('SELECT id, note FROM windows ORDER BY id'));
    expect(loaded).toEqual([
      { id: 1, note: 'two\r\nlines' },
      { id: 2, note: 'plain' },
      { id: 3, note: 'say "hi"' },
    ]);
  });

  it('turns JSON lines into tab-separated text in column order', async () => {
    const local = join(dir, 'events.jsonl');
    const lines = [
      { kind: 'a\tb\nc\\d', n: 1, ok: true, extra: 'ignored' },
      { n: 2, ok: false, kind: null },
      { n: 3, kind: { nested: [1, 'x'] } },
      { n: 4, kind: 'é ü 😀', ok: true },
    ];
    await writeFile(local, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\n`);
    const columns: Column[] = [
      { name: 'n', type: 'BIGINT' },
      { name: 'kind', type: 'VARCHAR' },
      { name: 'ok', type: 'BOOLEAN' },
    ];
    expect(await load('json_events', local, { kind: 'jsonl' }, columns)).toBe(4);
    expect(await db.client.query('SELECT * FROM json_events ORDER BY n')).toEqual([
      { n: 1, kind: 'a\tb\nc\\d', ok: true },
      { n: 2, kind: null, ok: false },
      { n: 3, kind: '{"nested":[1,"x"]}', ok: null },
      { n: 4, kind: 'é ü 😀', ok: true },
    ]);
  });

  it('keeps every digit of big integers and precise decimals in JSON lines', async () => {
    const local = join(dir, 'precise.jsonl');
    const lines = [
      '{"id": 9007199254740993, "amount": 12345678901234567890.1234567891}',
      '{"id": -9223372036854775808, "amount": 0.0000000001, "raw": [9007199254740993, 1e400]}',
      '{"id": 9223372036854775807, "amount": -98765432109876543210.9876543219}',
    ];
    await writeFile(local, `${lines.join('\n')}\n`);
    const columns: Column[] = [
      { name: 'id', type: 'BIGINT' },
      { name: 'amount', type: 'DECIMAL' },
      { name: 'raw', type: 'VARCHAR' },
    ];
    expect(await load('json_precise', local, { kind: 'jsonl' }, columns)).toBe(3);
    const rows = await db.client.query(
      'SELECT CAST(id AS CHAR) AS id, CAST(amount AS CHAR) AS amount, raw FROM json_precise ORDER BY id',
    );
    expect(rows).toEqual([
      { id: '-9223372036854775808', amount: '0.0000000001', raw: '[9007199254740993,1e400]' },
      { id: '9007199254740993', amount: '12345678901234567890.1234567891', raw: null },
      { id: '9223372036854775807', amount: '-98765432109876543210.9876543219', raw: null },
    ]);
  });

  it('fails a malformed JSON line naming the file by its stage URI and the line', async () => {
    const local = join(dir, 'broken.jsonl');
    await writeFile(local, '{"n": 1}\n{"n": 2}\n{"n": 3,\n{"n": 4}\n');
    const columns: Column[] = [{ name: 'n', type: 'BIGINT' }];
    await expect(load('json_broken', local, { kind: 'jsonl' }, columns)).rejects.toThrow(
      /^Cannot load stage:\/\/landing\/broken\.jsonl, line 3: the line is not valid JSON \(/,
    );
    await writeFile(local, '{"n": 1}\n[1, 2]\n');
    await expect(load('json_array', local, { kind: 'jsonl' }, columns)).rejects.toThrow(
      'Cannot load stage://landing/broken.jsonl, line 2: the line is not a JSON object.',
    );
  });

  it('fails a CSV row the server would load with a warning, naming its line', async () => {
    const local = join(dir, 'bad-number.csv');
    await writeFile(local, 'id,name\n1,a\nabc,b\n3,c\n');
    const columns: Column[] = [
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
    ];
    const refused = load('csv_bad_number', local, CSV, columns);
    await expect(refused).rejects.toThrow(
      /^Cannot load stage:\/\/landing\/bad-number\.csv, line 3: .*'abc' for column `id` at row 2$/,
    );
    await expect(refused).rejects.not.toThrow(/csv_bad_number|sluice_streams/);
    await writeFile(local, 'id,name\n1,a\n2,b,extra\n');
    await expect(load('csv_long_row', local, CSV, columns)).rejects.toThrow(
      /^Cannot load stage:\/\/landing\/bad-number\.csv, line 3: Row 2 was truncated/,
    );
  });
});

/** The same rows in both databases: every common type and the values CSV writers trip on. */
const VALUES = [
  "(1, 9007199254740993, 12.5, 15, TRUE, '2024-01-02', '2024-01-02 10:00:00', 'plain')",
  "(2, -3, 0, 0.1, FALSE, '2024-12-31', '2024-01-02 10:00:00.123', 'a,b')",
  "(3, 0, -3.25, 1e20, NULL, NULL, '2024-01-02 10:00:00.123456', 'q\"uote')",
  "(4, NULL, 1, 1.5e-7, TRUE, NULL, NULL, 'line\\nbreak')",
  "(5, 7, NULL, 123456789.125, TRUE, NULL, NULL, 'tab\\tx')",
  "(6, 8, 2, NULL, FALSE, NULL, NULL, '#hash')",
  "(7, 9, 3, 2.5, TRUE, NULL, NULL, '')",
  '(8, 10, 4, -1e21, TRUE, NULL, NULL, NULL)',
  "(9, 11, 5, 1e15, TRUE, NULL, NULL, 'NA')",
  "(10, 12, 6, 1e16, TRUE, NULL, NULL, 'back\\\\slash é')",
  "(11, 13, 7, 0.0001, TRUE, NULL, NULL, 'cr\\r')",
];

async function createTyped(): Promise<void> {
  const types = (d: typeof mysql | typeof duckdb) =>
    ['BIGINT', 'BIGINT', 'DECIMAL', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'VARCHAR']
      .map((t, i) => `c${String(i)} ${d.columnType(t as Column['type'] & string)}`)
      .join(', ');
  await db.client.run(`CREATE TABLE typed (${types(mysql)})`);
  await db.client.run(`INSERT INTO typed VALUES ${VALUES.join(', ')}`);
  // DuckDB reads `\n` in a literal as two characters; E'' strings decode them as MySQL does.
  const duckValues = VALUES.map((v) => v.replace(/'([^']*\\[^']*)'/g, "E'$1'").replace(/"/g, '"'));
  await duckClient.run(`CREATE TABLE typed (${types(duckdb)})`);
  await duckClient.run(`INSERT INTO typed VALUES ${duckValues.join(', ')}`);
}

/** Exports `SELECT * FROM typed ORDER BY c0` from both databases; returns both files' text. */
async function exportBoth(name: string, format: FileFormat): Promise<[string, string]> {
  const source = `typed_ordered_${name}`;
  await db.client.run(`CREATE VIEW ${source} AS SELECT * FROM typed ORDER BY c0`);
  await duckClient.run(`CREATE VIEW ${source} AS SELECT * FROM typed ORDER BY c0`);
  const file = { externalStage: 'out', path: name };
  const query = `SELECT * FROM ${source}`;
  const paths = [join(dir, `mysql-${name}`), join(dir, `duckdb-${name}`)] as const;
  const [mysqlStep] = asPlanSteps(
    mysql.exportFile({ source, query, file, local: paths[0], temp: paths[0], format }),
    name,
  );
  const [duckStep] = asPlanSteps(
    duckdb.exportFile({ source, query, file, local: paths[1], temp: paths[1], format }),
    name,
  );
  if (!mysqlStep || !duckStep) throw new Error('No export step.');
  expect(await runStep(db.client, mysqlStep, db.client)).toBe(VALUES.length);
  expect(await runStep(duckClient, duckStep)).toBe(VALUES.length);
  return [await readFile(paths[0], 'utf8'), await readFile(paths[1], 'utf8')];
}

describe('streamed export from MariaDB', () => {
  beforeAll(createTyped);

  it.each([
    ['out.csv', CSV],
    ['out.tsv', TSV],
    ['out.jsonl', { kind: 'jsonl' } as const],
  ])('writes %s byte for byte as DuckDB writes the same rows', async (name, format) => {
    const [fromMariaDb, fromDuckDb] = await exportBoth(name.replace('.', '_'), format);
    expect(fromMariaDb).toBe(fromDuckDb);
    expect(fromMariaDb.split('\n').length).toBeGreaterThan(VALUES.length);
  });
});
