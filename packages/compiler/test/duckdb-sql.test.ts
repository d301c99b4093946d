import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { FileRef } from '@sluice/stages';
import { FlowDocumentSchema } from '@sluice/flow';

import type { Plan } from '../src';
import { analyzeFlow, compileFlow } from '../src';
import {
  castDeriveFlow,
  dedupedFlow,
  DUCKDB,
  flow,
  joinFlow,
  perCountryFlow,
  REVENUE_SQL,
  sortedTopFlow,
  stage,
  transformFlow,
  twoMonthsFlow,
  unionFlow,
} from './build-flow';

/**
 * Proves the generated SQL runs: each flow is compiled and its plan executed in an in-memory
 * DuckDB the way the engine does (steps in one transaction, cleanup always, exports renamed after
 * commit), over real files in a temporary directory.
 */
let root: string;
let db: DuckDBConnection;
let runs = 0;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'sluice-compiler-'));
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterEach(() => {
  db.closeSync();
  rmSync(root, { recursive: true, force: true });
});

const fileAt = (ref: FileRef) => join(root, ref.externalStage, ref.path);
function putFile(externalStage: string, path: string, text: string): void {
  const file = fileAt({ externalStage, path });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function compile(doc: FlowDocument): Plan {
  runs += 1;
  const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
    stageEach: true,
    target: DUCKDB,
    runTag: `t${runs}`,
    resolveFile: fileAt,
  });
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan;
}

/** Runs a plan as the engine does (it creates export folders); resolves to the failing step's id and message, or undefined on success. */
async function run(plan: Plan): Promise<{ step: string; message: string } | undefined> {
  let failure: { step: string; message: string } | undefined;
  for (const file of plan.steps.flatMap((s) => s.files ?? [])) {
    if (file.temp) mkdirSync(dirname(file.temp), { recursive: true });
  }
  await db.run('BEGIN TRANSACTION');
  for (const step of plan.steps) {
    try {
      await db.run(step.sql);
    } catch (error) {
      failure = { step: step.id, message: (error as Error).message };
      break;
    }
  }
  await db.run(failure ? 'ROLLBACK' : 'COMMIT');
  for (const step of plan.cleanup) await db.run(step.sql);
  for (const file of plan.steps.flatMap((s) => s.files ?? [])) {
    if (!failure && file.temp && file.local) renameSync(file.temp, file.local);
  }
  return failure;
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson();
}

const fixture = FlowDocumentSchema.parse(
  JSON.parse(readFileSync(new URL('fixtures/orders-pipeline.flow.json', import.meta.url), 'utf8')),
);
const ORDERS = 'id,customer,amount\n1,Ann,10.5\n2,Bob,0\n3,"Lee, Jr.",7\n';

describe('generated DuckDB SQL', () => {
  it('runs the fixture pipeline, writes the table and the file, and leaves no staging', async () => {
    putFile('samples', 'orders.csv', ORDERS);
    const plan = compile(fixture);
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT * FROM paid ORDER BY who')).toEqual([
      { who: 'Ann', amount: 10.5 },
      { who: 'Lee, Jr.', amount: 7 },
    ]);
    expect(readFileSync(join(root, 'exports', 'paid.csv'), 'utf8')).toBe(
      'who;amount\nAnn;10.5\nLee, Jr.;7.0\n',
    );
    const left = await rows(
      'SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal',
    );
    expect(left).toEqual([{ table_name: 'paid' }]);
  });

  it('sorts with NULLs placed as asked and limits after the sort', async () => {
    putFile(
      'samples',
      'orders.csv',
      'id,customer,amount\n1,Ann,10\n2,Bob,\n3,Cy,7\n4,Al,7\n5,Di,3\n',
    );
    const plan = compile(sortedTopFlow());
    expect(plan.steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
      `CREATE VIEW "__sluice_${plan.runTag}_sort" AS SELECT * FROM "__sluice_${plan.runTag}_src" ORDER BY "amount" DESC NULLS LAST, "customer" ASC NULLS FIRST`,
      `CREATE VIEW "__sluice_${plan.runTag}_top" AS SELECT * FROM "__sluice_${plan.runTag}_sort" LIMIT 2 OFFSET 1`,
    ]);
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT id::INT AS id FROM top ORDER BY id')).toEqual([{ id: 3 }, { id: 4 }]);
  });

  it('aggregates per group, NULL keys making one group, with the declared types', async () => {
    putFile(
      'samples',
      'orders.csv',
      'id,customer,country,qty,amount\n1,Ann,NL,2,10.5\n2,Bob,NL,1,4\n3,Ann,NL,4,\n4,Cy,,1,7\n5,Di,,2,3\n',
    );
    const plan = compile(perCountryFlow());
    const tag = plan.runTag;
    expect(plan.steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
      `CREATE VIEW "__sluice_${tag}_agg" AS SELECT "country", count(*) AS "rows", count(DISTINCT "customer") AS "customers", CAST(sum("qty") AS DECIMAL(38, 0)) AS "units", sum("amount") AS "revenue", avg(CAST("qty" AS DOUBLE)) AS "mean_qty", min("amount") AS "smallest", max("customer") AS "last" FROM "__sluice_${tag}_src" GROUP BY "country"`,
    ]);
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT * FROM per_country ORDER BY country NULLS LAST')).toEqual([
      {
        country: 'NL',
        rows: '3',
        customers: '2',
        units: '7',
        revenue: 14.5,
        mean_qty: 7 / 3,
        smallest: 4,
        last: 'Bob',
      },
      {
        country: null,
        rows: '2',
        customers: '2',
        units: '3',
        revenue: 10,
        mean_qty: 1.5,
        smallest: 3,
        last: 'Di',
      },
    ]);
    const types = await rows(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'per_country' ORDER BY ordinal_position",
    );
    expect(types.map((t) => t.data_type)).toEqual([
      'VARCHAR',
      'BIGINT',
      'BIGINT',
      'DECIMAL(38,0)',
      'DOUBLE',
      'DOUBLE',
      'DOUBLE',
      'VARCHAR',
    ]);
  });

  it.each([
    ['all', 5],
    ['distinct', 3],
  ] as const)(
    'stacks two inputs by name, their columns listed in one order, keeping %s rows',
    async (keep, count) => {
      putFile('samples', 'jan.csv', 'id,customer,qty\n1,Ann,2\n2,Bob,1\n2,Bob,1\n');
      putFile('samples', 'feb.csv', 'qty,id,customer\n1,2,Bob\n5,3,\n');
      const plan = compile(twoMonthsFlow(keep));
      const tag = plan.runTag;
      const list = '"id" AS "id", "customer" AS "customer", "qty" AS "qty"';
      const operator = keep === 'all' ? 'UNION ALL' : 'UNION';
      expect(plan.steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
        `CREATE VIEW "__sluice_${tag}_both" AS SELECT * FROM (SELECT ${list} FROM "__sluice_${tag}_jan" ${operator} SELECT ${list} FROM "__sluice_${tag}_feb") AS "__sluice_in"`,
      ]);
      expect(await run(plan)).toBeUndefined();
      const stacked = await rows('SELECT id::INT AS id, customer, qty::INT AS qty FROM orders');
      expect(stacked).toHaveLength(count);
      expect(stacked).toContainEqual({ id: 3, customer: null, qty: 5 });
      expect(stacked).toContainEqual({ id: 2, customer: 'Bob', qty: 1 });
    },
  );

  it("stacks the shipped samples' two months, the repeated orders once, and counts per country", async () => {
    const samples = new URL('../../../samples/', import.meta.url);
    for (const file of ['orders.csv', 'orders-2026-11.csv']) {
      putFile('samples', file, readFileSync(new URL(file, samples), 'utf8'));
    }
    const columns = [
      { name: 'order_id', type: 'BIGINT' },
      { name: 'customer', type: 'VARCHAR' },
      { name: 'country', type: 'VARCHAR' },
      { name: 'amount', type: 'DECIMAL' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'ordered_at', type: 'DATE' },
    ];
    const perCountry = stage('agg', 'aggregate', {
      groupBy: ['country'],
      aggregates: [
        { fn: 'count', as: 'orders' },
        { fn: 'count-distinct', column: 'order_id', as: 'ids' },
      ],
    });
    const doc = unionFlow(
      stage('oct', 'file-source', { path: 'orders.csv', columns }),
      stage('nov', 'file-source', { path: 'orders-2026-11.csv', columns }),
      { union: { keep: 'distinct' }, after: [perCountry], table: 'per_country' },
    );
    expect(await run(compile(doc))).toBeUndefined();
    const totals = await rows(
      'SELECT sum(orders)::INT AS orders, sum(ids)::INT AS ids FROM per_country',
    );
    // 100 + 28 rows, of which 5 come again as they were; 5 ids come again with new values,
    // which a deduplicate settles.
    expect(totals).toEqual([{ orders: 123, ids: 118 }]);
    expect(
      await rows('SELECT orders::INT AS orders FROM per_country WHERE country IS NULL'),
    ).toEqual([{ orders: 2 }]);
  });

  it('counts rows with what each statement reports, and the plan row-count queries', async () => {
    putFile('samples', 'orders.csv', ORDERS);
    const plan = compile(fixture);
    mkdirSync(join(root, 'exports'));
    await db.run('BEGIN TRANSACTION');
    const counts: Record<string, unknown> = {};
    for (const step of plan.steps) {
      const result = await db.run(step.sql);
      // A write answers with one "Count" row, CREATE TABLE … AS included.
      const [reported] = await result.getRows();
      counts[step.id] = step.rowCountSql
        ? Object.values((await rows(step.rowCountSql))[0] ?? {})[0]
        : Number(reported?.[0] ?? result.rowsChanged);
    }
    await db.run('ROLLBACK');
    expect(counts).toMatchObject({
      'load:src-1': 3,
      'transform:filter-1': '2',
      'write:dest-1': 2,
      'export:export-1': 2,
    });
  });

  it('round-trips names with quotes, backticks, backslashes and unicode', async () => {
    const odd = `it's "odd" \`x\` back\\slash 東京 🚀`;
    putFile('samples', `dir 'q'/東京.csv`, `${odd},n\nv1,1\n`);
    const doc = flow(
      [
        stage('src', 'file-source', {
          path: `dir 'q'/東京.csv`,
          columns: [
            { name: odd, type: 'VARCHAR' },
            { name: 'n', type: 'INTEGER' },
          ],
        }),
        stage('cols', 'select-columns', { columns: [{ source: odd, as: `${odd}!` }] }),
        stage('dest', 'table-destination', { table: odd, mode: 'overwrite' }),
        stage('out', 'file-export', { path: `out 'q'/${odd}.csv` }),
      ],
      ['src->cols', 'cols->dest', 'cols->out'],
    );
    expect(await run(compile(doc))).toBeUndefined();
    expect(await rows('SELECT table_name FROM duckdb_tables()')).toEqual([{ table_name: odd }]);
    const quoted = `"${odd.replaceAll('"', '""')}"`;
    expect(await rows(`SELECT * FROM ${quoted}`)).toEqual([{ [`${odd}!`]: 'v1' }]);
    expect(readFileSync(join(root, 'exports', `out 'q'`, `${odd}.csv`), 'utf8')).toBe(
      `"${odd.replaceAll('"', '""')}!"\nv1\n`,
    );
  });

  it('appends on each run and overwrites when asked', async () => {
    putFile('samples', 'orders.csv', ORDERS);
    const into = (mode: string) =>
      flow(
        [stage('src', 'file-source'), stage('dest', 'table-destination', { mode })],
        ['src->dest'],
      );
    await run(compile(into('append')));
    await run(compile(into('append')));
    expect(await rows('SELECT count(*)::INT AS n FROM output')).toEqual([{ n: 6 }]);
    await run(compile(into('overwrite')));
    expect(await rows('SELECT count(*)::INT AS n FROM output')).toEqual([{ n: 3 }]);
  });

  it.each(['append', 'overwrite'])(
    'fails in %s mode when the table is missing and may not be created',
    async (mode) => {
      putFile('samples', 'orders.csv', ORDERS);
      const doc = flow(
        [
          stage('src', 'file-source'),
          stage('dest', 'table-destination', { table: 'absent', mode, createIfMissing: false }),
        ],
        ['src->dest'],
      );
      const failure = await run(compile(doc));
      expect(failure?.message).toContain('Table with name absent does not exist');
      expect(await rows('SELECT table_name FROM duckdb_tables()')).toEqual([]);
    },
  );

  it('leaves the destination as it was when a later stage fails', async () => {
    putFile('samples', 'orders.csv', ORDERS);
    await db.run('CREATE TABLE output (id BIGINT)');
    await db.run('INSERT INTO output VALUES (42)');
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('f', 'filter', { condition: 'no_such_column > 1' }),
        stage('dest', 'table-destination', { mode: 'overwrite' }),
      ],
      ['src->f', 'f->dest'],
    );
    const failure = await run(compile(doc));
    expect(failure?.step).toBe('transform:f');
    expect(failure?.message).toContain('no_such_column');
    expect(await rows('SELECT id FROM output')).toEqual([{ id: '42' }]);
  });
});

describe('JSON lines and Parquet on DuckDB', () => {
  it('loads JSON lines and TSV, and exports JSON lines and Parquet that read back the same', async () => {
    putFile(
      'samples',
      'e.jsonl',
      '{"id":1,"name":"Ann","ok":true}\n{"id":2,"name":null,"ok":false}\n',
    );
    putFile('samples', 't.tsv', 'id\tname\n3\tLee, Jr.\n');
    const doc = flow(
      [
        stage('j', 'file-source', { format: 'jsonl', path: 'e.jsonl' }),
        stage('t', 'file-source', { format: 'tsv', path: 't.tsv' }),
        stage('pq', 'file-export', { format: 'parquet', path: 'e.parquet' }),
        stage('jl', 'file-export', { format: 'jsonl', path: 't.jsonl' }),
      ],
      ['j->pq', 't->jl'],
    );
    expect(await run(compile(doc))).toBeUndefined();
    const parquet = join(root, 'exports', 'e.parquet');
    expect(await rows(`SELECT * FROM read_parquet('${parquet}') ORDER BY id`)).toEqual([
      { id: '1', name: 'Ann', ok: true },
      { id: '2', name: null, ok: false },
    ]);
    expect(readFileSync(join(root, 'exports', 't.jsonl'), 'utf8')).toBe(
      '{"id":3,"name":"Lee, Jr."}\n',
    );
  });

  it('loads Parquet with declared columns cast to their types', async () => {
    putFile('samples', 'e.jsonl', '{"id":1,"amount":"2.5"}\n');
    const toParquet = flow(
      [
        stage('j', 'file-source', { format: 'jsonl', path: 'e.jsonl' }),
        stage('pq', 'file-export', { format: 'parquet', path: 'p/e.parquet' }),
      ],
      ['j->pq'],
    );
    expect(await run(compile(toParquet))).toBeUndefined();
    renameSync(join(root, 'exports', 'p', 'e.parquet'), join(root, 'samples', 'e.parquet'));
    const columns = [
      { name: 'amount', type: 'DOUBLE' },
      { name: 'id', type: 'VARCHAR' },
    ];
    const doc = flow(
      [
        stage('p', 'file-source', { format: 'parquet', path: 'e.parquet', columns }),
        stage('d', 'table-destination', { table: 'typed' }),
      ],
      ['p->d'],
    );
    expect(await run(compile(doc))).toBeUndefined();
    expect(await rows('SELECT * FROM typed')).toEqual([{ amount: 2.5, id: '1' }]);
  });
});

describe('compressed files and lines of arrays on DuckDB', () => {
  const idName = [
    { name: 'id', type: 'BIGINT' },
    { name: 'name', type: 'VARCHAR' },
  ] as const;
  const loadRows = async (config: Record<string, unknown>) => {
    const doc = flow(
      [stage('src', 'file-source', config), stage('d', 'table-destination', { table: 'got' })],
      ['src->d'],
    );
    const plan = compile(doc);
    expect(await run(plan)).toBeUndefined();
    return {
      sql: plan.steps[0]?.sql,
      rows: await rows('SELECT id::INT AS id, name FROM got ORDER BY id'),
    };
  };
  const expected = [
    { id: 1, name: 'Ann' },
    { id: 2, name: 'Lee, Jr.' },
  ];

  it('reads a gzip CSV named gzip whatever its extension', async () => {
    const file = fileAt({ externalStage: 'samples', path: 'in/o.data' });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, gzipSync('id,name\n1,Ann\n2,"Lee, Jr."\n'));
    const got = await loadRows({ path: 'in/o.data', compression: 'gzip', columns: idName });
    expect(got.sql).toContain("compression = 'gzip'");
    expect(got.rows).toEqual(expected);
  });

  it('reads Zstandard JSON lines of arrays, values in column order', async () => {
    const file = fileAt({ externalStage: 'samples', path: 'a.jsonl.zst' });
    mkdirSync(dirname(file), { recursive: true });
    const plain = join(root, 'plain.jsonl');
    writeFileSync(plain, '[1, "Ann", "ignored"]\n[2, "Lee, Jr."]\n');
    // DuckDB writes the Zstandard file; Node 20's zlib has no Zstandard.
    await db.run(
      `COPY (SELECT * FROM read_csv('${plain}', header = false, delim = '\x01', quote = '', columns = {'line': 'VARCHAR'})) TO '${file}' (FORMAT csv, HEADER false, QUOTE '', COMPRESSION zstd)`,
    );
    const got = await loadRows({
      path: 'a.jsonl.zst',
      format: 'jsonl',
      jsonRows: 'arrays',
      compression: 'zstd',
      columns: idName,
    });
    expect(got.sql).toContain('read_json_objects(');
    expect(got.rows).toEqual(expected);
  });

  it.each(['bzip2', 'lz4'])('refuses %s on the compression field', (compression) => {
    const doc = flow(
      [
        stage('src', 'file-source', { compression, columns: idName }),
        stage('d', 'table-destination'),
      ],
      ['src->d'],
    );
    const { diagnostics } = compileFlow(analyzeFlow(doc), {
      target: DUCKDB,
      runTag: 'x',
      resolveFile: fileAt,
    });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['unsupported-on-target', ['compression']],
    ]);
  });
});

describe('malformed CSV', () => {
  const detected = [
    { name: 'a', type: 'BIGINT' },
    { name: 'b', type: 'BIGINT' },
  ] as const;
  const withColumns = { columns: detected };
  const load = (config: Record<string, unknown>) =>
    compile(
      flow([stage('src', 'file-source', config), stage('d', 'table-destination')], ['src->d']),
    );

  it.each([
    [
      'a row with too many fields',
      'a,b\n1,2\n3,4,5\n6,7\n',
      'Expected Number of Columns: 2 Found: 3',
    ],
    ['a row with too few fields', 'a,b\n1,2\n3\n6,7\n', 'Expected Number of Columns: 2 Found: 1'],
    ['an unterminated quote', 'a,b\n1,2\n"3,4\n6,7\n', 'unterminated quote'],
  ])('fails the load naming the line of %s', async (_, text, detail) => {
    putFile('samples', 'orders.csv', text);
    const failure = await run(load(withColumns));
    expect(failure?.step).toBe('load:src');
    expect(failure?.message).toContain('CSV Error on Line: 3');
    expect(failure?.message).toContain(detail);
  });

  it('names the line of a small file once its columns were detected before the run', async () => {
    putFile('samples', 'orders.csv', 'a,b\n1,2\n3\n6,7\n');
    const doc = flow(
      [stage('src', 'file-source', {}), stage('d', 'table-destination')],
      ['src->d'],
    );
    const { plan } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: DUCKDB,
      runTag: 'detected',
      resolveFile: fileAt,
      detectedColumns: { src: detected },
    });
    if (!plan) throw new Error('the flow should compile');
    expect(plan.steps[0]?.sql).toContain("columns = {'a': 'BIGINT', 'b': 'BIGINT'}");
    const failure = await run(plan);
    expect(failure?.step).toBe('load:src');
    expect(failure?.message).toContain('CSV Error on Line: 3');
  });

  it('names the line with detected columns when the bad row is past the sniffed sample', async () => {
    const good = Array.from({ length: 30_000 }, (_, i) => `${i},${i}`).join('\n');
    putFile('samples', 'orders.csv', `a,b\n${good}\n1,2,3\n`);
    const failure = await run(load({}));
    expect(failure?.message).toContain('CSV Error on Line: 30002');
  });
});

describe('joins on DuckDB', () => {
  // Bob twice on each side; a NULL name on each side, which matches nothing; Ann and Cy unmatched.
  const putInputs = () => {
    putFile('samples', 'orders.csv', 'id,customer,amount\n1,Ann,10\n2,Bob,5\n3,,7\n4,Bob,1\n');
    putFile(
      'samples',
      'customers.csv',
      'customer,id,country,vip\nBob,20,NL,true\nBob,21,BE,false\n,22,FR,\nCy,23,US,true\n',
    );
  };
  const joined = async () =>
    (
      await rows(
        'SELECT left_id::INT AS o, customer, right_id::INT AS c FROM joined ORDER BY o, c, customer',
      )
    ).map(({ o, customer, c }) => [o, customer, c]);

  it('matches each key with each equal key, and a NULL key with nothing', async () => {
    putInputs();
    const plan = compile(joinFlow('inner'));
    const tag = plan.runTag;
    expect(plan.steps.find((s) => s.id === 'transform:j')?.sql).toBe(
      `CREATE VIEW "__sluice_${tag}_j" AS SELECT "l"."id" AS "left_id", "l"."customer" AS "customer", "l"."amount" AS "amount", "r"."id" AS "right_id", "r"."country" AS "country", "r"."vip" AS "vip" FROM "__sluice_${tag}_orders" AS "l" INNER JOIN "__sluice_${tag}_customers" AS "r" ON "l"."customer" = "r"."customer"`,
    );
    expect(await run(plan)).toBeUndefined();
    expect(await joined()).toEqual([
      [2, 'Bob', 20],
      [2, 'Bob', 21],
      [4, 'Bob', 20],
      [4, 'Bob', 21],
    ]);
  });

  it('keeps every row of both sides in a full join, the shared key from whichever has it', async () => {
    putInputs();
    const plan = compile(joinFlow('full'));
    const tag = plan.runTag;
    expect(plan.steps.find((s) => s.id === 'transform:j')?.sql).toBe(
      `CREATE VIEW "__sluice_${tag}_j" AS SELECT "l"."id" AS "left_id", COALESCE("l"."customer", "r"."customer") AS "customer", "l"."amount" AS "amount", "r"."id" AS "right_id", "r"."country" AS "country", "r"."vip" AS "vip" FROM "__sluice_${tag}_orders" AS "l" FULL JOIN "__sluice_${tag}_customers" AS "r" ON "l"."customer" = "r"."customer"`,
    );
    expect(await run(plan)).toBeUndefined();
    expect(await joined()).toEqual([
      [1, 'Ann', null],
      [2, 'Bob', 20],
      [2, 'Bob', 21],
      [3, null, null],
      [4, 'Bob', 20],
      [4, 'Bob', 21],
      [null, null, 22],
      [null, 'Cy', 23],
    ]);
  });
});

describe('deduplicate on DuckDB', () => {
  // Ann ties on amount, one customer is NULL, Bob has a NULL amount.
  const ORDERS_WITH_TIES = 'id,customer,amount\n1,Ann,10\n2,Ann,10\n3,,5\n4,,7\n5,Bob,\n6,Bob,3\n';
  const kept = () => rows('SELECT id::INT AS id FROM deduped ORDER BY id');

  it('keeps the first row per key, NULL keys as one, ties settled by the other columns', async () => {
    putFile('samples', 'orders.csv', ORDERS_WITH_TIES);
    const plan = compile(dedupedFlow());
    expect(plan.steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
      `CREATE VIEW "__sluice_${plan.runTag}_dedupe" AS SELECT * EXCLUDE ("__sluice_row") FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "customer" ORDER BY "amount" DESC NULLS LAST, "id" ASC NULLS FIRST) AS "__sluice_row" FROM "__sluice_${plan.runTag}_src") AS "__sluice_in" WHERE "__sluice_row" = 1`,
    ]);
    expect(await run(plan)).toBeUndefined();
    expect(await kept()).toEqual([{ id: 1 }, { id: 4 }, { id: 6 }]);
    const columns = await rows(
      "SELECT column_name FROM duckdb_columns() WHERE table_name = 'deduped'",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'customer', 'amount']);
  });

  it('keeps the last row per key by the reversed order', async () => {
    putFile('samples', 'orders.csv', ORDERS_WITH_TIES);
    expect(await run(compile(dedupedFlow('last')))).toBeUndefined();
    expect(await kept()).toEqual([{ id: 2 }, { id: 3 }, { id: 5 }]);
  });

  it('keeps rows identical in every column once without keys', async () => {
    putFile('samples', 'orders.csv', 'id,customer\n1,Ann\n1,Ann\n1,\n1,\n2,Ann\n');
    const doc = flow(
      [
        stage('src', 'file-source', { path: 'orders.csv' }),
        stage('dedupe', 'deduplicate'),
        stage('dest', 'table-destination', { table: 'deduped' }),
      ],
      ['src->dedupe', 'dedupe->dest'],
    );
    const plan = compile(doc);
    expect(plan.steps.find((s) => s.stageId === 'dedupe')?.sql).toBe(
      `CREATE VIEW "__sluice_${plan.runTag}_dedupe" AS SELECT DISTINCT * FROM "__sluice_${plan.runTag}_src"`,
    );
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT count(*)::INT AS n FROM deduped')).toEqual([{ n: 3 }]);
  });
});

describe('SQL transform on DuckDB', () => {
  const CUSTOMERS = 'name,country\nAnn,NL\nBob,DE\nCy,NL\n';
  const ORDERS_OF_CUSTOMERS = 'id,customer,amount\n1,Ann,10\n2,Bob,4\n3,Cy,5\n4,Ann,1\n5,Zed,99\n';

  it('joins its two inputs by their port names and groups them', async () => {
    putFile('samples', 'orders.csv', ORDERS_OF_CUSTOMERS);
    putFile('samples', 'customers.csv', CUSTOMERS);
    const plan = compile(transformFlow(REVENUE_SQL));
    const tag = plan.runTag;
    expect(plan.steps.find((s) => s.stageId === 'sql')?.sql).toBe(
      `CREATE VIEW "__sluice_${tag}_sql" AS WITH "a" AS (SELECT * FROM "__sluice_${tag}_orders"), "b" AS (SELECT * FROM "__sluice_${tag}_customers") ${REVENUE_SQL}`,
    );
    expect(await run(plan)).toBeUndefined();
    expect(
      await rows('SELECT country, orders::INT AS n, revenue FROM report ORDER BY country'),
    ).toEqual([
      { country: 'DE', n: 1, revenue: 4 },
      { country: 'NL', n: 3, revenue: 16 },
    ]);
  });

  it('joins its inputs ahead of a WITH list of its own, and reads one input alone', async () => {
    putFile('samples', 'orders.csv', ORDERS_OF_CUSTOMERS);
    const sql = 'with big AS (SELECT * FROM a WHERE amount > 4) SELECT customer FROM big';
    const plan = compile(transformFlow(sql, 'a'));
    expect(plan.steps.find((s) => s.stageId === 'sql')?.sql).toBe(
      `CREATE VIEW "__sluice_${plan.runTag}_sql" AS WITH "a" AS (SELECT * FROM "__sluice_${plan.runTag}_orders"), big AS (SELECT * FROM a WHERE amount > 4) SELECT customer FROM big`,
    );
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT customer FROM report ORDER BY customer')).toEqual([
      { customer: 'Ann' },
      { customer: 'Cy' },
      { customer: 'Zed' },
    ]);
  });
});

describe('derive and cast on DuckDB', () => {
  const TYPED =
    'qty,price,paid,placed\n3,2.5,Yes,2024-01-02\n 4 ,1.005, f ,2024-02-29\nx,1e20,maybe,2024-03-01\n';

  it('casts with a check per type, then derives a typed total and replaces a column in place', async () => {
    putFile('samples', 'orders.csv', TYPED);
    const plan = compile(castDeriveFlow('null'));
    const tag = plan.runTag;
    expect(plan.steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
      `CREATE VIEW "__sluice_${tag}_cast" AS SELECT ` +
        `CASE WHEN "qty" IS NULL THEN NULL WHEN CASE WHEN regexp_matches("qty", '(?-i)^ *[+-]?0*[0-9]{1,19}([.]0*)? *\\z') ` +
        `THEN CAST(TRIM("qty") AS DECIMAL(20, 0)) BETWEEN -2147483648 AND 2147483647 ELSE FALSE END ` +
        `THEN CAST(CAST(TRIM("qty") AS DECIMAL(20, 0)) AS INTEGER) ELSE NULL END AS "qty", ` +
        `CASE WHEN "price" IS NULL THEN NULL WHEN "price" > -99999999.995 AND "price" < 99999999.995 ` +
        `THEN CAST(CAST("price" AS VARCHAR) AS DECIMAL(10, 2)) ELSE NULL END AS "price", ` +
        `CASE WHEN "paid" IS NULL THEN NULL WHEN regexp_matches(LOWER(TRIM("paid")), '(?-i)^(true|t|yes|y|1|false|f|no|n|0)\\z') ` +
        `THEN LOWER(TRIM("paid")) IN ('true', 't', 'yes', 'y', '1') ELSE NULL END AS "paid", ` +
        `CAST("placed" AS VARCHAR) AS "placed" FROM "__sluice_${tag}_src"`,
      expect.stringMatching(
        new RegExp(
          `^CREATE VIEW "__sluice_${tag}_derive" AS SELECT "qty", "price", "paid", "placed", CASE WHEN "total" IS NULL .* ` +
            `ELSE error\\('Cast of column "total" to decimal\\(12, 2\\) failed on the value: ' \\|\\| CAST\\("total" AS VARCHAR\\)\\) END AS "total" ` +
            `FROM \\(SELECT \\(qty \\+ 1\\) AS "qty", "price" AS "price", "paid" AS "paid", "placed" AS "placed", \\(qty \\* price\\) AS "total" ` +
            `FROM "__sluice_${tag}_cast"\\) AS "__sluice_in"$`,
        ),
      ),
    ]);
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT * FROM typed ORDER BY placed')).toEqual([
      { qty: 4, price: '2.50', paid: true, placed: '2024-01-02', total: '7.50' },
      { qty: 5, price: '1.01', paid: false, placed: '2024-02-29', total: '4.04' },
      { qty: null, price: null, paid: null, placed: '2024-03-01', total: null },
    ]);
  });

  it('fails the run on a value that does not convert, naming it, and writes nothing', async () => {
    putFile('samples', 'orders.csv', TYPED);
    const failure = await run(compile(castDeriveFlow('fail')));
    expect(failure?.step).toBe('write:dest');
    expect(failure?.message).toContain('Cast of column "qty" to integer failed on the value: x');
    expect(await rows("SELECT table_name FROM duckdb_tables() WHERE table_name = 'typed'")).toEqual(
      [],
    );
  });

  it('adds and casts columns of a file whose columns are detected when it is read', async () => {
    putFile('samples', 'orders.csv', 'id,amount\n1,10\n2,x\n');
    const doc = flow(
      [
        stage('src', 'file-source', {}),
        stage('dv', 'derive', { columns: [{ name: 'label', expression: "'#' || id" }] }),
        stage('c', 'cast', {
          columns: [{ column: 'amount', type: { name: 'double' } }],
          onError: 'null',
        }),
        stage('dest', 'table-destination', { table: 'found' }),
      ],
      ['src->dv', 'dv->c', 'c->dest'],
    );
    const plan = compile(doc);
    const transforms = plan.steps.filter((s) => s.phase === 'transform').map((s) => s.sql);
    expect(transforms[0]).toBe(
      `CREATE VIEW "__sluice_${plan.runTag}_dv" AS SELECT *, ('#' || id) AS "label" FROM "__sluice_${plan.runTag}_src"`,
    );
    expect(transforms[1]).toMatch(
      /^CREATE VIEW "\S+" AS SELECT \* REPLACE \(CASE WHEN "amount" IS NULL .* AS "amount"\) FROM/,
    );
    expect(await run(plan)).toBeUndefined();
    expect(await rows('SELECT id::INT AS id, amount, label FROM found ORDER BY id')).toEqual([
      { id: 1, amount: 10, label: '#1' },
      { id: 2, amount: null, label: '#2' },
    ]);
  });
});
