import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument, Stage } from '@sluice/flow';

import type { Target } from '../src/target';
import type { BothTargets, TargetName } from './both-targets';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { link, stage } from './flows';
import { inRunDatabase, runAsNew } from './run-database';

/**
 * Empty fields through a load: MySQL-family loads read a file's fields straight into columns
 * first and stop at the first empty field, loading the file again with empty read as NULL. The
 * rows must be the same as DuckDB's, whether a file goes into staging or straight into the new
 * table of an overwrite, and wherever its first empty field is.
 */
const HEAD = 'id,name,amount,day\n';
const FULL = '1,a,1.5,2024-01-01\n';
const GAPS = '2,,,\n3,"",2,2024-01-03\n4,d,4,\n';
/** Full rows before the gaps in the late file, after its first row. */
const FILLER = 5000;
const EXPECTED = [
  [1, 'a', 1.5, '2024-01-01'],
  [2, null, null, null],
  [3, null, 2, '2024-01-03'],
  [4, 'd', 4, null],
];

const source = (file: string): Stage =>
  stage('src', 'file-source', {
    externalStage: 'landing',
    path: file,
    columns: [
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
    ],
  });

/** The file into a new table: straight, or staged and read through a filter. */
const flows: Record<string, (file: string, table: string) => FlowDocument> = {
  'straight into the new table': (file, table) => ({
    schemaVersion: 1,
    stages: [source(file), stage('dest', 'table-destination', { table, mode: 'overwrite' })],
    links: [link('src', 'dest')],
  }),
  'through staging': (file, table) => ({
    schemaVersion: 1,
    stages: [
      source(file),
      stage('keep', 'filter', { condition: 'id > 0' }),
      stage('dest', 'table-destination', { table, mode: 'overwrite' }),
    ],
    links: [link('src', 'keep'), link('keep', 'dest')],
  }),
};

let both: BothTargets;
let runs = 0;

beforeAll(async () => {
  both = await openBothTargets('fastloads');
  await mkdir(join(both.root, 'landing'));
  const filler = Array.from({ length: FILLER }, (_, i) => `${String(i + 10)},f,1,2024-02-01\n`);
  await writeFile(join(both.root, 'landing', 'early.csv'), HEAD + FULL + GAPS);
  await writeFile(join(both.root, 'landing', 'late.csv'), HEAD + FULL + filler.join('') + GAPS);
}, 30_000);

afterAll(() => both.close());

/** The rows the file source reported, and the first rows of the table the flow made. */
async function rowsAfter(target: Target, doc: FlowDocument, table: string) {
  runs += 1;
  const runTag = `fl${String(runs)}`;
  const { outcome, stageRows } = await runAsNew(target, doc, { root: both.root, runTag });
  expect(outcome.state, JSON.stringify(outcome)).toBe('succeeded');
  const rows = await inRunDatabase(target, (run) =>
    run.query(
      `SELECT id, name, amount, CAST(day AS VARCHAR(10)) AS day FROM ${table} WHERE id < 10 ORDER BY id`,
    ),
  );
  const first = rows.map((row) => [
    Number(row.id),
    row.name ?? null,
    row.amount === null ? null : Number(row.amount),
    row.day ?? null,
  ]);
  return { loaded: stageRows.get('src'), first };
}

describe.each(TARGET_NAMES)('on %s', (name: TargetName) => {
  describe.each(Object.keys(flows))('a file %s', (how) => {
    it.each(['early', 'late'])(
      'reads empty fields as NULL, the first one %s in the file',
      async (at) => {
        const table = `${at}_${how.replaceAll(' ', '_')}`;
        const doc = flows[how]?.(`${at}.csv`, table);
        if (!doc) throw new Error(how);
        const lines = at === 'early' ? 4 : 4 + FILLER;
        expect(await rowsAfter(both.target(name), doc, table)).toEqual({
          loaded: lines,
          first: EXPECTED,
        });
      },
    );
  });
});
