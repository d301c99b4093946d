import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { analyzeFlow, compileSample, getDialect, STAGING_PREFIX } from '@sluice/compiler';

import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { previewSample, SampleFailure } from '../src/preview-sample';
import { link, stage } from './flows';
import { createTestDatabase } from './mariadb';

/**
 * A data preview on real DuckDB and MariaDB reads the first rows of each source, shows the
 * previewed stage's rows with the target's column types and NULL apart from '', fails on the
 * stage that caused an error, and leaves every table and the export folder as they were.
 */
let root: string;
let db: TestDatabase;
const targets: Record<string, Target> = {};

const ORDERS = [
  'id,customer,amount',
  ...Array.from({ length: 40 }, (_, i) => `${i + 1},"c""${i + 1}",${(i + 1) * 1.5}`),
].join('\n');

async function sql(target: Target, statement: string): Promise<void> {
  const client = await target.connect();
  try {
    await client.run(statement);
  } finally {
    await client.close();
  }
}

/** Every table and view of the target's flow database, with its row count, and the export folder. */
async function everything(target: Target): Promise<unknown> {
  const tables = await target.listTables();
  const dialect = getDialect(target.profile.dialect);
  const client = await target.connect();
  try {
    const counts = [];
    for (const table of tables) {
      const [row] = await client.query(dialect.countRows(table));
      counts.push([table.name, Number(Object.values(row ?? {})[0])]);
    }
    return { counts, exports: await readdir(join(root, 'exports')) };
  } finally {
    await client.close();
  }
}

/** Staging tables and views left in the target's database (`listTables` leaves them out). */
async function stagingLeft(target: Target): Promise<unknown[]> {
  const client = await target.connect();
  try {
    return await client.query(
      target.profile.dialect === 'duckdb'
        ? `SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '${STAGING_PREFIX}')
           UNION ALL SELECT view_name FROM duckdb_views() WHERE starts_with(view_name, '${STAGING_PREFIX}')`
        : `SELECT table_name FROM information_schema.tables
           WHERE table_schema = DATABASE() AND LEFT(table_name, 9) = '${STAGING_PREFIX}'`,
    );
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-preview-')));
  await mkdir(join(root, 'samples'));
  await mkdir(join(root, 'exports'));
  await writeFile(join(root, 'samples', 'orders.csv'), `${ORDERS}\n`);
  await writeFile(join(root, 'exports', 'paid.csv'), 'id\n1\n');
  db = await createTestDatabase('sluice_preview');
  targets.DuckDB = await openTarget(
    { kind: 'duckdb', path: join(root, 'preview.duckdb') },
    { allowedDirectories: [root] },
  );
  targets.MariaDB = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
  for (const target of Object.values(targets)) {
    const q = (name: string) => getDialect(target.profile.dialect).quoteIdentifier(name);
    await sql(target, `CREATE TABLE ${q('people')} (${q('name')} VARCHAR(20), ${q('n')} INT)`);
    await sql(target, `INSERT INTO ${q('people')} VALUES ('a', 1), ('', 2), (NULL, 3)`);
    await sql(target, `CREATE TABLE ${q('paid_orders')} (${q('id')} BIGINT)`);
    await sql(target, `INSERT INTO ${q('paid_orders')} VALUES (7)`);
  }
}, 30_000);

afterAll(async () => {
  for (const target of Object.values(targets)) await target.close();
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

/** orders.csv → filter → the existing table `paid_orders`, a new table and an export. */
function ordersFlow(condition = 'amount > 3'): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        path: 'orders.csv',
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'customer', type: 'VARCHAR' },
          { name: 'amount', type: 'DOUBLE' },
        ],
      }),
      stage('paid', 'filter', { condition }),
      stage('dest', 'table-destination', { table: 'paid_orders', mode: 'overwrite' }),
      stage('new', 'table-destination', { table: 'brand_new' }),
      stage('out', 'file-export', { path: 'paid.csv' }),
    ],
    links: [link('src', 'paid'), link('paid', 'dest'), link('paid', 'new'), link('paid', 'out')],
  };
}

async function preview(target: Target, doc: FlowDocument, stageId: string, sampleRows = 10) {
  const { plan, diagnostics } = compileSample(analyzeFlow(doc), {
    target: target.profile,
    stageId,
    runTag: 'ab12cd34',
    resolveFile: (ref) => join(root, ref.externalStage, ref.path),
    detectedColumns: { people: (await target.tableColumns({ name: 'people' })) ?? [] },
    sampleRows,
  });
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  const client = await target.connect();
  try {
    return await previewSample(client, plan);
  } finally {
    await client.close();
  }
}

describe.each(['DuckDB', 'MariaDB'])('previewSample on %s', (name) => {
  const target = () => targets[name] as Target;

  it('shows the stage’s rows from the first rows of the file, and changes nothing', async () => {
    const before = await everything(target());
    const result = await preview(target(), ordersFlow(), 'paid');
    expect(result.sources).toEqual([{ stageId: 'src', rows: 10 }]);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'customer', 'amount']);
    expect(result.columns.map((c) => c.type)).toEqual(['BIGINT', 'VARCHAR', 'DOUBLE']);
    expect(result.rows).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10].map((id) => [id, `c"${String(id)}`, id * 1.5]),
    );
    expect(await everything(target())).toEqual(before);
    expect(await stagingLeft(target())).toEqual([]);
  });

  it('previews what arrives at a destination without writing it', async () => {
    const before = await everything(target());
    const result = await preview(target(), ordersFlow(), 'new', 3);
    expect(result.rows.map((row) => row[0])).toEqual([3]);
    expect(await everything(target())).toEqual(before);
  });

  it('keeps NULL apart from the empty string, with the table’s own types', async () => {
    const doc: FlowDocument = {
      schemaVersion: 1,
      stages: [stage('people', 'table-source', { table: 'people' })],
      links: [],
    };
    const result = await preview(target(), doc, 'people');
    expect(result.rows).toEqual([
      ['a', 1],
      ['', 2],
      [null, 3],
    ]);
    expect(result.columns).toEqual([
      { name: 'name', type: 'VARCHAR' },
      { name: 'n', type: name === 'DuckDB' ? 'INTEGER' : 'INT' },
    ]);
  });

  it('fails on the stage that caused the error, with the database’s message, and drops its staging', async () => {
    const failing = name === 'DuckDB' ? 'CAST(customer AS INTEGER) > 0' : 'amount / 0 > 0';
    const doc = ordersFlow(failing);
    const { plan } = compileSample(analyzeFlow(doc), {
      target: target().profile,
      stageId: 'paid',
      runTag: 'ab12cd35',
      resolveFile: (ref) => join(root, ref.externalStage, ref.path),
    });
    if (!plan) throw new Error('no plan');
    const client = await target().connect();
    const error = await previewSample(client, plan).catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(SampleFailure);
    expect((error as SampleFailure).stageId).toBe('paid');
    expect((error as SampleFailure).message).toMatch(
      name === 'DuckDB' ? /Could not convert string/ : /Division by 0/,
    );
    expect(await stagingLeft(target())).toEqual([]);
  });
});
