import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DuckDbDatabase } from '../duckdb/duckdb-client';
import { csvDouble, jsonDouble } from './export-values';

/**
 * Doubles either side of the bounds where DuckDB's CSV and JSON writers move between fixed and
 * exponent notation, whole numbers, negative zero, and values whose shortest digits are long.
 */
const DOUBLES = [
  0,
  -0,
  1,
  -1,
  15,
  0.1 + 0.2,
  1 / 3,
  123456.789,
  -2.5e-3,
  1e-4,
  -1e-4,
  9.999999999999999e-5,
  1.5e-7,
  9.999999999999998e15,
  1e16,
  -1e16,
  1.2345e20,
  9.999999999999997e-7,
  1e-6,
  -1e-6,
  -9.999999999999997e-7,
  999_999_999_999_999_900_000,
  1e21,
  -1.5e21,
  5e-324,
  1.7976931348623157e308,
];

let dir: string;
let duck: DuckDbDatabase;

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'sluice-doubles-')));
  duck = await DuckDbDatabase.open(':memory:', { allowedDirectories: [dir] });
});

afterAll(async () => {
  duck.close();
  await rm(dir, { recursive: true, force: true });
});

/** Each of DOUBLES in order as DuckDB's COPY writes it in `format`, one line each. */
async function copiedDoubles(format: 'csv' | 'json'): Promise<string[]> {
  const client = await duck.connect();
  const file = join(dir, `doubles.${format}`);
  const text = (v: number) => (Object.is(v, -0) ? '-0.0' : String(v));
  const values = DOUBLES.map((v, i) => `(${String(i)}, CAST('${text(v)}' AS DOUBLE))`);
  const options = format === 'csv' ? 'FORMAT csv, HEADER false' : 'FORMAT json';
  await client.run(
    `COPY (SELECT v FROM (VALUES ${values.join(', ')}) AS t(i, v) ORDER BY i) ` +
      `TO '${file}' (${options})`,
  );
  await client.close();
  return (await readFile(file, 'utf8')).split('\n').slice(0, DOUBLES.length);
}

describe('csvDouble', () => {
  it('writes each double as DuckDB COPY writes it', async () => {
    expect(DOUBLES.map(csvDouble)).toEqual(await copiedDoubles('csv'));
  });
});

describe('jsonDouble', () => {
  it('writes each double as DuckDB COPY writes it in JSON lines', async () => {
    expect(DOUBLES.map((v) => `{"v":${jsonDouble(v)}}`)).toEqual(await copiedDoubles('json'));
  });
});
