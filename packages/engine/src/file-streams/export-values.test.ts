import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DuckDbDatabase } from '../duckdb/duckdb-client';
import { csvDouble, csvText, DoubleText, jsonDouble, jsonText, plainDouble } from './export-values';

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

/** Texts a server may write for a double: plain, padded, signed, long, tiny, exponent forms. */
function doubleTexts(): string[] {
  const texts = ['0', '-0', '0.0', '1', '-1', '15', '1.50', '+1', '007', '.5', '1e16', '1E-5'];
  texts.push('0.0001', '0.00009999', '9999999999999999', '10000000000000000', '-123.45');
  texts.push('0.1234567890123456', '123456789012345.6', '12345678901234.56', '0.30000000000000004');
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 20_000; i += 1) {
    const scale = 10 ** Math.floor(next() * 24 - 8);
    const value = (next() - 0.5) * scale;
    const digits = 1 + Math.floor(next() * 17);
    texts.push(String(Number(value.toPrecision(digits))), value.toPrecision(digits));
  }
  return texts;
}

describe('plainDouble', () => {
  it('gives what parsing and printing the value gives, for CSV and JSON, or nothing', () => {
    let taken = 0;
    for (const text of doubleTexts()) {
      const plain = plainDouble(text);
      if (plain === undefined) continue;
      taken += 1;
      expect([text, plain]).toEqual([text, csvDouble(Number(text))]);
      expect([text, plain]).toEqual([text, jsonDouble(Number(text))]);
    }
    // The random texts reach the fast path often, so the comparison above covers it.
    expect(taken).toBeGreaterThan(10_000);
  });

  it('takes the plain texts a server writes and leaves the rest to be parsed', () => {
    expect(['123.45', '-2.5', '0', '-0', '1000', '0.0001'].map(plainDouble)).toEqual([
      '123.45',
      '-2.5',
      '0.0',
      '-0.0',
      '1000.0',
      '0.0001',
    ]);
    const parsed = ['1.50', '1e16', '0.00009', '0.30000000000000004', '9999999999999999'];
    expect(parsed.map(plainDouble)).toEqual(parsed.map(() => undefined));
  });

  it('writes a double text like the value it holds', () => {
    for (const text of ['-0', '1.50', '1e16', '1.5e-7', '123.45']) {
      expect(csvText(new DoubleText(text))).toBe(csvDouble(Number(text)));
      expect(jsonText(new DoubleText(text))).toBe(jsonDouble(Number(text)));
    }
  });
});
