import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { dialectFor, getDialect } from '@sluice/compiler';

import type { PeekRows } from '../src/run-events';
import type { Target } from '../src/target';
import type { BothTargets, TargetName } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';
import { normalisedTable } from './normalise-rows';

/**
 * The row generator, the SQL query origin and the peek destination on real DuckDB and MariaDB:
 * generated rows are made inside the target, respect their ranges, repeat for a seed (and are
 * the same on both targets), a SQL query reads the target's tables, and a peek reports its
 * rows only when the run succeeds.
 */
const ROWS = 5000;

const COLUMNS = [
  { name: 'id', kind: 'sequence', start: 10, step: 5 },
  { name: 'qty', kind: 'integer', min: -3, max: 3 },
  { name: 'price', kind: 'decimal', min: 0.5, max: 9.99, scale: 2 },
  { name: 'colour', kind: 'choice', choices: ['red', 'green', "it's"] },
  { name: 'day', kind: 'date', from: '2024-02-28', to: '2024-03-01' },
  { name: 'key', kind: 'uuid' },
];

let both: BothTargets;

beforeAll(async () => {
  both = await openBothTargets('origins');
}, 30_000);

afterAll(() => both.close());

function generatorFlow(table: string, seed: number): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('gen', 'row-generator', { rows: ROWS, seed, columns: COLUMNS }),
      stage('dest', 'table-destination', { table, mode: 'overwrite' }),
    ],
    links: [link('gen', 'dest')],
  };
}

async function runFlow(
  target: Target,
  doc: FlowDocument,
  run: { tag: string; existing?: string },
): Promise<{ state: string; peeks: PeekRows[]; ran: string[] }> {
  const plan = compileFor(doc, {
    target: target.profile,
    runTag: run.tag,
    root: both.root,
    existingTables: run.existing === undefined ? [] : [{ name: run.existing }],
  });
  const client = await target.connect();
  const peeks: PeekRows[] = [];
  const ran: string[] = [];
  try {
    const outcome = await runPlan(client, plan, {
      onEvent: () => undefined,
      onStatement: (statement) => {
        if (statement.error === undefined) ran.push(statement.stepId);
      },
      onPeek: (rows) => peeks.push(rows),
    });
    return { state: outcome.state, peeks, ran };
  } finally {
    await client.close();
  }
}

async function tableOf(target: Target, table: string) {
  const client = await target.connect();
  try {
    return await normalisedTable(client, getDialect(target.profile.dialect).quoteIdentifier(table));
  } finally {
    await client.close();
  }
}

async function query<T extends Record<string, unknown>>(target: Target, sql: string) {
  const client = await target.connect();
  try {
    return await client.query<T>(sql);
  } finally {
    await client.close();
  }
}

const generated: Partial<Record<TargetName, Awaited<ReturnType<typeof tableOf>>>> = {};

describe.each(TARGET_NAMES)('generated rows on %s', (name) => {
  const target = () => both.target(name);

  it('makes the rows inside the target, each value in its range', async () => {
    expect((await runFlow(target(), generatorFlow('gen_a', 42), { tag: 'g1' })).state).toBe(
      'succeeded',
    );
    const rows = await query<Record<string, unknown>>(target(), 'SELECT * FROM gen_a');
    expect(rows).toHaveLength(ROWS);
    const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: ROWS }, (_, i) => 10 + 5 * i));
    const qty = new Set(rows.map((r) => Number(r.qty)));
    expect([...qty].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const row of rows) {
      const price = String(row.price);
      expect(price).toMatch(/^\d+\.\d{2}$/);
      expect(Number(price)).toBeGreaterThanOrEqual(0.5);
      expect(Number(price)).toBeLessThanOrEqual(9.99);
      expect(['red', 'green', "it's"]).toContain(row.colour);
      expect(String(row.key)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    const days = new Set(rows.map((r) => String(r.day).slice(0, 10)));
    expect([...days].sort()).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(ROWS);
  });

  it('makes the same rows again for the same seed, and others for another seed', async () => {
    expect((await runFlow(target(), generatorFlow('gen_b', 42), { tag: 'g2' })).state).toBe(
      'succeeded',
    );
    expect((await runFlow(target(), generatorFlow('gen_c', 43), { tag: 'g3' })).state).toBe(
      'succeeded',
    );
    const first = await tableOf(target(), 'gen_a');
    expect(await tableOf(target(), 'gen_b')).toEqual(first);
    const other = await tableOf(target(), 'gen_c');
    expect(other.rows).not.toEqual(first.rows);
    generated[name] = first;
  });
});

describe("MySQL's row numbers", () => {
  // MySQL has no number table, so its numbers are cross-joined digits; MariaDB reads that SQL
  // the same way, so it is run there.
  const mysql = dialectFor({ dialect: 'mysql', product: 'MySQL', version: '8.0.36' });

  it.each([1, 9, 10, 11, 250, 1000, 1001])('are exactly 1 to %i', async (count) => {
    const numbers = mysql.rowNumbers(count, 'n');
    const [found] = await query<Record<string, unknown>>(
      both.target('MariaDB'),
      `SELECT count(*) AS c, count(DISTINCT n) AS d, min(n) AS lo, max(n) AS hi FROM (${numbers}) AS t`,
    );
    expect([found?.c, found?.d, found?.lo, found?.hi].map(Number)).toEqual([
      count,
      count,
      1,
      count,
    ]);
  });
});

describe('generated rows across targets', () => {
  it('are the same on DuckDB and MariaDB for one seed', () => {
    const { DuckDB, MariaDB } = generated;
    expect(DuckDB?.rows).toHaveLength(ROWS);
    expect(MariaDB?.rows).toEqual(DuckDB?.rows);
  });
});

describe.each(TARGET_NAMES)('a SQL query and a peek on %s', (name) => {
  const target = () => both.target(name);

  function peekFlow(sql: string): FlowDocument {
    return {
      schemaVersion: 1,
      stages: [
        stage('q', 'sql-query', { sql }),
        stage('big', 'filter', { condition: 'qty > 0' }),
        stage('peek', 'peek', {}),
      ],
      links: [link('q', 'big'), link('big', 'peek')],
    };
  }

  it('reads the target with the SELECT and shows the first 100 rows at the peek', async () => {
    const sql = 'SELECT id, qty, colour FROM gen_a WHERE id < 10 + 5 * 400';
    const { state, peeks } = await runFlow(target(), peekFlow(sql), { tag: 'q1' });
    expect(state).toBe('succeeded');
    const expected = await query<{ n: unknown }>(
      target(),
      'SELECT count(*) AS n FROM gen_a WHERE id < 2010 AND qty > 0',
    );
    expect(Number(expected[0]?.n)).toBeGreaterThan(100);
    expect(peeks).toHaveLength(1);
    const [peek] = peeks;
    expect(peek?.stageId).toBe('peek');
    expect(peek?.columns.map((c) => c.name)).toEqual(['id', 'qty', 'colour']);
    expect(peek?.rows).toHaveLength(100);
    expect(peek?.more).toBe(true);
    for (const row of peek?.rows ?? []) {
      expect(Number(row[0])).toBeLessThan(2010);
      expect(Number(row[1])).toBeGreaterThan(0);
    }
  });

  it('says there are no more rows when all of them fit', async () => {
    const { peeks } = await runFlow(
      target(),
      peekFlow('SELECT id, qty FROM gen_a WHERE id = 10 OR id = 15'),
      { tag: 'q2' },
    );
    const kept = await query<{ n: unknown }>(
      target(),
      'SELECT count(*) AS n FROM gen_a WHERE (id = 10 OR id = 15) AND qty > 0',
    );
    expect(peeks[0]?.rows).toHaveLength(Number(kept[0]?.n));
    expect(peeks[0]?.more).toBe(false);
  });

  it('keeps only the rows that fit in its bytes, and says there were more', async () => {
    // Each row is 100,000 characters of JSON text: two fit in a peek's 256 KiB, a third does not.
    const wide = peekFlow("SELECT id, 2 AS qty, repeat('x', 100000) AS wide FROM gen_a");
    const { state, peeks } = await runFlow(target(), wide, { tag: 'q4' });
    expect(state).toBe('succeeded');
    expect(peeks[0]?.rows).toHaveLength(2);
    expect(peeks[0]?.more).toBe(true);
  });

  it('reports no peek rows from a run whose write fails after the peek read them', async () => {
    // The write appends whole numbers to DATE columns, which both targets refuse, and it runs
    // after the peek (MariaDB's appends commit last; DuckDB writes in flow order).
    const client = await target().connect();
    await client.run('CREATE TABLE wrong_types (id DATE, qty DATE)').finally(() => client.close());
    const doc = peekFlow('SELECT id, qty FROM gen_a');
    const failing: FlowDocument = {
      ...doc,
      stages: [...doc.stages, stage('dest', 'table-destination', { table: 'wrong_types' })],
      links: [...doc.links, link('q', 'dest')],
    };
    const { state, peeks, ran } = await runFlow(target(), failing, {
      tag: 'q3',
      existing: 'wrong_types',
    });
    expect(state).toBe('failed');
    expect(ran).toContain('peek:peek');
    expect(peeks).toEqual([]);
  });
});
