import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { Target } from '../src/target';
import type { BothTargets, TargetName } from './both-targets';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { link, stage } from './flows';
import { inRunDatabase, runAsNew } from './run-database';

/**
 * Text of any length through a staged file: MariaDB stages text as VARCHAR(255) for speed, so a
 * longer value must still arrive whole (the load is run again into LONGTEXT), and a table the
 * run makes must take longer text later, as it does on DuckDB.
 */
const LONG = `${'long '.repeat(80)}end`;
const LONGER = 'x'.repeat(1000);

const perName = (file: string, table: string): FlowDocument => ({
  schemaVersion: 1,
  stages: [
    stage('src', 'file-source', {
      externalStage: 'landing',
      path: file,
      columns: [
        { name: 'name', type: 'VARCHAR' },
        { name: 'amount', type: 'BIGINT' },
      ],
    }),
    stage('per-name', 'aggregate', {
      groupBy: ['name'],
      aggregates: [{ fn: 'sum', column: 'amount', as: 'total' }],
    }),
    stage('dest', 'table-destination', { table, mode: 'overwrite' }),
  ],
  links: [link('src', 'per-name'), link('per-name', 'dest')],
});

let both: BothTargets;

beforeAll(async () => {
  both = await openBothTargets('stagedtext');
  await mkdir(join(both.root, 'landing'));
  await writeFile(
    join(both.root, 'landing', 'long.csv'),
    `name,amount\nshort,1\n"${LONG}",2\nshort,3\n"${LONG}",4\n`,
  );
  await writeFile(join(both.root, 'landing', 'short.csv'), 'name,amount\na,1\nb,2\na,3\n');
  await writeFile(
    join(both.root, 'landing', 'gaps.csv'),
    `name,amount\nshort,1\n,5\n"${LONG}",2\nshort,\n`,
  );
}, 30_000);

afterAll(() => both.close());

async function runFlow(target: Target, doc: FlowDocument, runTag: string): Promise<void> {
  const { outcome } = await runAsNew(target, doc, { root: both.root, runTag });
  expect(outcome.state, JSON.stringify(outcome)).toBe('succeeded');
}

describe.each(TARGET_NAMES)('on %s', (name: TargetName) => {
  const target = () => both.target(name);

  it('groups a value longer than bounded staging holds, whole', async () => {
    await runFlow(target(), perName('long.csv', 'long_totals'), 'lt1');
    const rows = await inRunDatabase(target(), (client) =>
      client.query('SELECT name, total FROM long_totals ORDER BY total'),
    );
    expect(rows.map((row) => [String(row.name), Number(row.total)])).toEqual([
      ['short', 4],
      [LONG, 6],
    ]);
  });

  it('groups a long value in a file with empty fields, which load as NULL', async () => {
    await runFlow(target(), perName('gaps.csv', 'gap_totals'), 'gt1');
    const rows = await inRunDatabase(target(), (client) =>
      client.query('SELECT name, total FROM gap_totals ORDER BY total'),
    );
    expect(rows.map((row) => [row.name ?? null, Number(row.total)])).toEqual([
      ['short', 1],
      [LONG, 2],
      [null, 5],
    ]);
  });

  it('makes a table whose text column takes longer text than the run wrote', async () => {
    await runFlow(target(), perName('short.csv', 'short_totals'), 'st1');
    const rows = await inRunDatabase(target(), async (client) => {
      await client.run(`INSERT INTO short_totals (name, total) VALUES ('${LONGER}', 9)`);
      return client.query('SELECT name FROM short_totals WHERE total = 9');
    });
    expect(rows.map((row) => String(row.name))).toEqual([LONGER]);
  });
});
