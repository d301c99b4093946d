import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DuckDbClient } from './duckdb/duckdb-client';
import { DuckDbDatabase } from './duckdb/duckdb-client';

let dir: string;
let allowed: string;
let outside: string;
let database: DuckDbDatabase;
let client: DuckDbClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-sandbox-'));
  allowed = join(dir, 'files');
  outside = join(dir, 'files-other');
  await mkdir(allowed);
  await mkdir(outside);
  await writeFile(join(allowed, 'in.csv'), 'a,b\n1,2\n');
  await writeFile(join(outside, 'secret.csv'), 'secret\nhunter2\n');
  database = await DuckDbDatabase.open(join(dir, 'data', 'meta.duckdb'), {
    allowedDirectories: [allowed],
  });
  client = await database.connect();
});

afterEach(async () => {
  database.close();
  await rm(dir, { recursive: true, force: true });
});

const refused = /Permission Error: Cannot access (file|directory)/;

describe('DuckDbDatabase file confinement', () => {
  it('reads and writes files in the allowed folders and keeps its own tables', async () => {
    expect(await client.query(`SELECT * FROM read_csv('${allowed}/in.csv')`)).toEqual([
      { a: 1, b: 2 },
    ]);
    await client.run(`COPY (SELECT 7 AS n) TO '${allowed}/out.csv.tmp' (FORMAT csv)`);
    expect(await readFile(join(allowed, 'out.csv.tmp'), 'utf8')).toBe('n\n7\n');
    await client.run('CREATE SCHEMA sluice');
    await client.run('CREATE TABLE sluice.t AS SELECT 1 AS i');
    await client.run('CHECKPOINT');
    expect(await client.query('SELECT i FROM sluice.t')).toEqual([{ i: 1 }]);
  });

  it('refuses files outside the allowed folders without showing their content', async () => {
    const secret = `SELECT * FROM read_csv('${outside}/secret.csv')`;
    await expect(client.query(secret)).rejects.toThrow(refused);
    await expect(client.query(secret)).rejects.not.toThrow(/hunter2/);
    const climb = `SELECT * FROM read_csv('${allowed}/../files-other/secret.csv')`;
    await expect(client.query(climb)).rejects.toThrow(refused);
    await expect(client.query("SELECT * FROM read_text('/etc/passwd')")).rejects.toThrow(refused);
    await expect(client.run(`COPY (SELECT 1) TO '${outside}/x.csv'`)).rejects.toThrow(refused);
    await expect(client.run(`ATTACH '${outside}/other.duckdb' AS o`)).rejects.toThrow(refused);
    await expect(
      client.query("SELECT * FROM read_csv('https://example.com/x.csv')"),
    ).rejects.toThrow(refused);
  });

  it('keeps its settings locked against SET and extension loading', async () => {
    await expect(client.run('SET enable_external_access = true')).rejects.toThrow(/locked/);
    await expect(client.run(`SET allowed_directories = ['/']`)).rejects.toThrow(/locked/);
    await expect(client.run('LOAD httpfs')).rejects.toThrow(/Permission Error/);
    const other = await database.connect();
    await expect(other.query("SELECT * FROM read_text('/etc/passwd')")).rejects.toThrow(refused);
  });
});
