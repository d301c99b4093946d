import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DuckDbClient } from './duckdb/duckdb-client';
import { CSV } from '../test/formats';
import { ColumnDetectionError, detectFileColumns, neutralType } from './detect-columns';
import { DuckDbDatabase } from './duckdb/duckdb-client';

let dir: string;
let database: DuckDbDatabase;
let client: DuckDbClient;
/** The file as a flow names it; messages name it so. */
const URI = 'stage://landing/a.csv';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-detect-'));
  database = await DuckDbDatabase.open(':memory:', { allowedDirectories: [dir] });
  client = await database.connect();
});

afterEach(async () => {
  database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('detectFileColumns', () => {
  it('reads names from the header and maps sniffed types to neutral ones', async () => {
    const path = join(dir, "o'rders.csv");
    await writeFile(
      path,
      'id,customer,amount,paid,ordered_on,shipped_at,big\n' +
        '1,"Smith, Jo",12.50,true,2024-01-02,2024-01-02 10:00:00,9007199254740993\n' +
        '2,Lee,7.25,false,2024-02-03,2024-02-03 11:30:00,1\n',
    );
    expect(await detectFileColumns(client, { local: path, uri: URI }, CSV)).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'customer', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'paid', type: 'BOOLEAN' },
      { name: 'ordered_on', type: 'DATE' },
      { name: 'shipped_at', type: 'TIMESTAMP' },
      { name: 'big', type: 'BIGINT' },
    ]);
  });

  it('honours delimiter, skipped lines and a missing header', async () => {
    const path = join(dir, 'data.tsv');
    await writeFile(path, 'exported by a tool\na\t1\nb\t2\n');
    const format = { ...CSV, header: false, delimiter: '\t', skipLines: 1 };
    expect(await detectFileColumns(client, { local: path, uri: URI }, format)).toEqual([
      { name: 'column0', type: 'VARCHAR' },
      { name: 'column1', type: 'BIGINT' },
    ]);
  });

  it('names the file by its stage:// form, not its folder on the server, when it cannot be read', async () => {
    const path = join(dir, 'missing.csv');
    const uri = 'stage://landing/sub/missing.csv';
    const error: unknown = await detectFileColumns(client, { local: path, uri }, CSV).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      /^Could not detect the columns of stage:\/\/landing\/sub\/missing\.csv: /,
    );
    expect((error as Error).message).not.toContain(dir);
    expect((error as ColumnDetectionError).reason).toContain(uri);
    expect((error as ColumnDetectionError).reason).not.toContain(dir);
  });

  it('refuses a file whose folder was swapped for a link to outside the allowed folders', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'sluice-detect-outside-'));
    try {
      await writeFile(join(outside, 'a.csv'), 'secret_column\n1\n');
      await mkdir(join(dir, 'sub'));
      await writeFile(join(dir, 'sub', 'a.csv'), 'id\n1\n');
      // Checked by its path inside the folder, then swapped before DuckDB opens it.
      const path = join(dir, 'sub', 'a.csv');
      await rename(join(dir, 'sub'), join(dir, 'sub-moved'));
      await symlink(outside, join(dir, 'sub'));
      const error: unknown = await detectFileColumns(client, { local: path, uri: URI }, CSV).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ColumnDetectionError);
      expect((error as Error).message).toMatch(/Permission Error/);
      expect((error as Error).message).not.toContain('secret_column');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("gives DuckDB's reason for a file it cannot sniff", async () => {
    const path = join(dir, 'empty.csv');
    await writeFile(path, '');
    const error: unknown = await detectFileColumns(client, { local: path, uri: URI }, CSV).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ColumnDetectionError);
    expect((error as ColumnDetectionError).uri).toBe(URI);
    expect((error as ColumnDetectionError).reason).toMatch(/^Invalid Input Error: CSV Sniffer/);
  });
});

describe('neutralType', () => {
  it.each([
    ['DECIMAL(18,3)', 'DECIMAL'],
    ['INTEGER', 'INTEGER'],
    ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP'],
    ['TIME', 'VARCHAR'],
  ])('maps %s to %s', (duckDbType, expected) => {
    expect(neutralType(duckDbType)).toBe(expected);
  });

  it('still finds the columns of a file with a malformed row, for the load to report it', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    expect(await detectFileColumns(client, { local: path, uri: URI }, CSV)).toEqual([
      { name: 'a', type: 'BIGINT' },
      { name: 'b', type: 'BIGINT' },
      { name: 'c', type: 'BIGINT' },
    ]);
  });
});
