import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { CastType, ColumnType } from '@sluice/stages';
import { getDialect } from '@sluice/compiler';

import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { runPlan } from '../src/run-plan';
import { openTarget } from '../src/target';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';
import { normalisedTable } from './normalise-rows';

/**
 * What Cast does with every kind of text, good and bad, on DuckDB and on real MariaDB: with
 * "make it NULL" both write the same table, a NULL exactly where a value does not convert; with
 * "fail the run" both fail on the first bad value, naming the column, and write nothing.
 */
const CASTS: readonly { column: string; to: CastType; neutral: ColumnType }[] = [
  { column: 'i', to: { name: 'integer' }, neutral: 'INTEGER' },
  { column: 'b', to: { name: 'bigint' }, neutral: 'BIGINT' },
  { column: 'm', to: { name: 'decimal', precision: 5, scale: 2 }, neutral: 'DECIMAL' },
  { column: 'f', to: { name: 'double' }, neutral: 'DOUBLE' },
  { column: 'v', to: { name: 'varchar', length: 3 }, neutral: 'VARCHAR' },
  { column: 'o', to: { name: 'boolean' }, neutral: 'BOOLEAN' },
  { column: 'd', to: { name: 'date' }, neutral: 'DATE' },
  { column: 't', to: { name: 'timestamp' }, neutral: 'TIMESTAMP' },
];

/** Rows 1, 2 and 6 convert everywhere; rows 3 and 4 convert nowhere; row 5 is NULLs. */
const VALUES = [
  'id,i,b,m,f,v,o,d,t',
  '1,12,9223372036854775807,12.345,-1.5e3,abc, Yes ,2024-02-29,2024-01-02T10:00:00.5',
  '2, -7 ,+0042,-999.994,.5,ab,F,2000-02-29,2024-01-02',
  '3,2147483648,9223372036854775808,999.995,abc,abcd,maybe,2023-02-29,2024-01-02 24:00:00',
  '4,2.5,1e3,"1,5",1e999,x,trüe,2024-1-02,2024-01-02 10:00:00+01',
  '5,,,,,,,,',
  '6,12.00,-9223372036854775808,0.005,1.5e299,é€😀,0,0001-01-01,1999-12-31 23:59:59.999999',
].join('\n');

const TABLE = 'casts';

function castFlow(onError: 'fail' | 'null', only?: string): FlowDocument {
  const casts = CASTS.filter((c) => only === undefined || c.column === only);
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: 'values.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          ...CASTS.map((c) => ({ name: c.column, type: 'VARCHAR' })),
        ],
      }),
      stage('cast', 'cast', {
        columns: casts.map((c) => ({ column: c.column, type: c.to })),
        onError,
      }),
      stage('dest', 'table-destination', {
        table: TABLE,
        mode: only === undefined ? 'append' : 'overwrite',
      }),
    ],
    links: [link('src', 'cast'), link('cast', 'dest')],
  };
}

let root: string;
let db: TestDatabase;
const targets: Record<string, Target> = {};

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-casts-')));
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'values.csv'), `${VALUES}\n`);
  db = await createTestDatabase('sluice_casts');
  targets.DuckDB = await openTarget(
    { kind: 'duckdb', path: join(root, 'casts.duckdb') },
    { allowedDirectories: [root] },
  );
  targets.MariaDB = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
}, 30_000);

afterAll(async () => {
  for (const target of Object.values(targets)) await target.close();
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

function targetNamed(name: string): Target {
  const target = targets[name];
  if (!target) throw new Error(`no ${name} target`);
  return target;
}

/**
 * The destination with each target's own column types, so a cast boolean lands in a BOOLEAN
 * (MariaDB's casts give 0 and 1, which only a BOOLEAN column reads as false and true).
 */
async function createDestination(target: Target): Promise<void> {
  const dialect = getDialect(target.profile.dialect);
  const columns = [{ column: 'id', neutral: 'BIGINT' as const }, ...CASTS]
    .map((c) => `${dialect.quoteIdentifier(c.column)} ${dialect.columnType(c.neutral)}`)
    .join(', ');
  const client = await target.connect();
  try {
    await client.run(`CREATE TABLE ${dialect.quoteIdentifier(TABLE)} (${columns})`);
  } finally {
    await client.close();
  }
}

async function runCast(target: Target, doc: FlowDocument, runTag: string) {
  const existingTables = await target.existingTables([{ name: TABLE }]);
  const plan = compileFor(doc, { target: target.profile, runTag, root, existingTables });
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, { onEvent: () => undefined });
    const quoted = getDialect(target.profile.dialect).quoteIdentifier(TABLE);
    return { outcome, table: await normalisedTable(client, quoted) };
  } finally {
    await client.close();
  }
}

describe('Cast with "make it NULL"', () => {
  it('writes the same table on DuckDB and MariaDB, NULL exactly where a value does not convert', async () => {
    const tables = [];
    for (const [i, name] of ['DuckDB', 'MariaDB'].entries()) {
      const target = targetNamed(name);
      await createDestination(target);
      const { outcome, table } = await runCast(target, castFlow('null'), `n${String(i)}`);
      expect(outcome, name).toMatchObject({ state: 'succeeded' });
      tables.push(table);
    }
    const [onDuckDb, onMariaDb] = tables;
    expect(onMariaDb).toEqual(onDuckDb);
    // The rows are compared as JSON of doubles, where the BIGINT limits read as ±2^63.
    expect(onDuckDb?.rows).toEqual([
      JSON.stringify([
        1,
        12,
        2 ** 63,
        12.35,
        -1500,
        'abc',
        true,
        '2024-02-29',
        '2024-01-02T10:00:00.500Z',
      ]),
      JSON.stringify([
        2,
        -7,
        42,
        -999.99,
        0.5,
        'ab',
        false,
        '2000-02-29',
        '2024-01-02T00:00:00.000Z',
      ]),
      JSON.stringify([3, null, null, null, null, null, null, null, null]),
      JSON.stringify([4, null, null, null, null, 'x', null, null, null]),
      JSON.stringify([5, null, null, null, null, null, null, null, null]),
      JSON.stringify([
        6,
        12,
        -(2 ** 63),
        0.01,
        1.5e299,
        'é€😀',
        false,
        '0001-01-01',
        '1999-12-31T23:59:59.999Z',
      ]),
    ]);
  });
});

describe.each(['DuckDB', 'MariaDB'])('Cast with "fail the run" on %s', (name) => {
  it.each(CASTS.map((c) => [c.column, c.to.name] as const))(
    'fails on the first value of %s that is not a %s, naming the column, and writes nothing',
    async (column) => {
      const target = targetNamed(name);
      const { outcome, table } = await runCast(
        target,
        castFlow('fail', column),
        `f${name.slice(0, 1)}${column}`,
      );
      expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'dest' });
      expect(outcome.state === 'failed' ? outcome.error : '').toContain(
        `Cast of column "${column}" to`,
      );
      expect(table.rows).toHaveLength(6);
    },
  );
});
