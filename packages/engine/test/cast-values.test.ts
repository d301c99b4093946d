import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { CastType, ColumnType } from '@sluice/stages';
import { getDialect } from '@sluice/compiler';

import type { Target } from '../src/target';
import type { BothTargets } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';
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
let both: BothTargets;

beforeAll(async () => {
  both = await openBothTargets('casts');
  root = both.root;
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'values.csv'), `${VALUES}\n`);
}, 30_000);

afterAll(() => both.close());

/**
 * A destination with each target's own column types, so a cast boolean lands in a BOOLEAN
 * (MariaDB's casts give 0 and 1, which only a BOOLEAN column reads as false and true).
 */
async function createDestination(
  target: Target,
  table: string,
  columns: readonly { column: string; neutral: ColumnType }[],
): Promise<void> {
  const dialect = getDialect(target.profile.dialect);
  const list = columns
    .map((c) => `${dialect.quoteIdentifier(c.column)} ${dialect.columnType(c.neutral)}`)
    .join(', ');
  const client = await target.connect();
  try {
    await client.run(`CREATE TABLE ${dialect.quoteIdentifier(table)} (${list})`);
  } finally {
    await client.close();
  }
}

async function runCast(target: Target, doc: FlowDocument, run: { tag: string; table: string }) {
  const existingTables = await target.existingTables([{ name: run.table }]);
  const plan = compileFor(doc, { target: target.profile, runTag: run.tag, root, existingTables });
  const client = await target.connect();
  try {
    const outcome = await runPlan(client, plan, { onEvent: () => undefined });
    const quoted = getDialect(target.profile.dialect).quoteIdentifier(run.table);
    return { outcome, table: await normalisedTable(client, quoted) };
  } finally {
    await client.close();
  }
}

/** Writes the flow on both targets into a table each creates first; returns both tables. */
async function onBoth(
  doc: FlowDocument,
  table: string,
  columns: readonly { column: string; neutral: ColumnType }[],
) {
  const tables = [];
  for (const name of TARGET_NAMES) {
    const target = both.target(name);
    await createDestination(target, table, columns);
    const { outcome, table: written } = await runCast(target, doc, {
      tag: `${table}${name.slice(0, 1)}`,
      table,
    });
    expect(outcome, name).toMatchObject({ state: 'succeeded' });
    tables.push(written);
  }
  return tables;
}

describe('Cast with "make it NULL"', () => {
  it('writes the same table on DuckDB and MariaDB, NULL exactly where a value does not convert', async () => {
    const [onDuckDb, onMariaDb] = await onBoth(castFlow('null'), TABLE, [
      { column: 'id', neutral: 'BIGINT' },
      ...CASTS,
    ]);
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

describe.each(TARGET_NAMES)('Cast with "fail the run" on %s', (name) => {
  it.each(CASTS.map((c) => [c.column, c.to.name] as const))(
    'fails on the first value of %s that is not a %s, naming the column, and writes nothing',
    async (column) => {
      const target = both.target(name);
      const { outcome, table } = await runCast(target, castFlow('fail', column), {
        tag: `f${name.slice(0, 1)}${column}`,
        table: TABLE,
      });
      // A cast runs as a statement of its own, so its error lands on it.
      expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'cast' });
      expect(outcome.state === 'failed' ? outcome.error : '').toContain(
        `Cast of column "${column}" to`,
      );
      expect(table.rows).toHaveLength(6);
    },
  );
});

/** Numbers, booleans, dates and timestamps, each cast to what it has a portable conversion to. */
const TYPED_VALUES = [
  'id,n,m,o,d,t',
  '1,2.5,2.5,true,2024-01-02,2024-01-02 10:00:00.5',
  '2,-2.5,-2.5,false,1999-12-31,2024-01-02 00:00:00',
  '3,3e9,99999999.9999999999,,2024-03-04,',
  '4,999.95,0.5,true,2024-02-29,2024-02-29 23:59:59.123456',
  '5,1.005,-0.5,false,2024-01-01,2024-01-01 01:02:03',
  '6,0,,,,',
].join('\n');

const TYPED_CASTS: readonly { column: string; to: CastType; neutral: ColumnType }[] = [
  { column: 'n', to: { name: 'decimal', precision: 4, scale: 1 }, neutral: 'DECIMAL' },
  { column: 'm', to: { name: 'bigint' }, neutral: 'BIGINT' },
  { column: 'o', to: { name: 'text' }, neutral: 'VARCHAR' },
  { column: 'd', to: { name: 'timestamp' }, neutral: 'TIMESTAMP' },
  { column: 't', to: { name: 'date' }, neutral: 'DATE' },
  { column: 'n_i', to: { name: 'integer' }, neutral: 'INTEGER' },
  { column: 'n_b', to: { name: 'boolean' }, neutral: 'BOOLEAN' },
  { column: 'o_i', to: { name: 'integer' }, neutral: 'INTEGER' },
  { column: 'd_t', to: { name: 'text' }, neutral: 'VARCHAR' },
  { column: 't_t', to: { name: 'text' }, neutral: 'VARCHAR' },
];

/** The text `typedFlow` writes for its dates and timestamps, row by row. */
const TEXTS = [
  '["2024-01-02","2024-01-02 10:00:00.5"]',
  '["1999-12-31","2024-01-02 00:00:00"]',
  '["2024-03-04",null]',
  '["2024-02-29","2024-02-29 23:59:59.123456"]',
  '["2024-01-01","2024-01-01 01:02:03"]',
  '[null,null]',
];

/** The typed file, its columns copied under new names (keeping their types), then cast. */
function typedFlow(): FlowDocument {
  const copies = { n_i: 'n', n_b: 'n', o_i: 'o', d_t: 'd', t_t: 't' };
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: 'typed.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'n', type: 'DOUBLE' },
          { name: 'm', type: 'DECIMAL' },
          { name: 'o', type: 'BOOLEAN' },
          { name: 'd', type: 'DATE' },
          { name: 't', type: 'TIMESTAMP' },
        ],
      }),
      stage('copy', 'derive', {
        columns: Object.entries(copies).map(([name, expression]) => ({ name, expression })),
      }),
      stage('cast', 'cast', {
        columns: TYPED_CASTS.map((c) => ({ column: c.column, type: c.to })),
        onError: 'null',
      }),
      stage('dest', 'table-destination', { table: 'typed', mode: 'append' }),
    ],
    links: [link('src', 'copy'), link('copy', 'cast'), link('cast', 'dest')],
  };
}

describe('Cast of numbers, booleans, dates and timestamps', () => {
  it('rounds, checks ranges and writes text the same way on DuckDB and MariaDB', async () => {
    await writeFile(join(root, 'landing', 'typed.csv'), `${TYPED_VALUES}\n`);
    const [onDuckDb, onMariaDb] = await onBoth(typedFlow(), 'typed', [
      { column: 'id', neutral: 'BIGINT' },
      ...TYPED_CASTS,
    ]);
    expect(onMariaDb).toEqual(onDuckDb);
    // Doubles round halves to even and decimals away from zero on both; 1.005 rounds as written.
    // Text that looks like a timestamp is compared as one here, and as text below.
    const at = (text: string) => new Date(`${text.replace(' ', 'T')}Z`).toISOString();
    expect(onDuckDb?.rows).toEqual(
      [
        [
          1,
          2.5,
          3,
          'true',
          at('2024-01-02'),
          '2024-01-02',
          2,
          true,
          1,
          '2024-01-02',
          at('2024-01-02 10:00:00.5'),
        ],
        [
          2,
          -2.5,
          -3,
          'false',
          at('1999-12-31'),
          '2024-01-02',
          -2,
          true,
          0,
          '1999-12-31',
          at('2024-01-02'),
        ],
        [3, null, 100000000, null, at('2024-03-04'), null, null, true, null, '2024-03-04', null],
        [
          4,
          null,
          1,
          'true',
          at('2024-02-29'),
          '2024-02-29',
          1000,
          true,
          1,
          '2024-02-29',
          at('2024-02-29 23:59:59.123'),
        ],
        [
          5,
          1,
          -1,
          'false',
          at('2024-01-01'),
          '2024-01-01',
          1,
          true,
          0,
          '2024-01-01',
          at('2024-01-01 01:02:03'),
        ],
        [6, 0, null, null, null, null, 0, false, null, null, null],
      ].map((row) => JSON.stringify(row)),
    );
    // Every digit of the text, on both targets.
    for (const name of TARGET_NAMES) {
      const client = await both.target(name).connect();
      try {
        const written = await client.query('SELECT d_t, t_t FROM typed ORDER BY id');
        expect(
          written.map((r) => JSON.stringify(Object.values(r))),
          name,
        ).toEqual(TEXTS);
      } finally {
        await client.close();
      }
    }
  });
});
