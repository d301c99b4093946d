import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { BothTargets } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';

/**
 * Gzip files and JSON lines of arrays on real DuckDB and MariaDB: DuckDB's readers unpack and
 * split them, for MariaDB Sluice unpacks the bytes with zlib and reads each array's values in
 * column order before they reach LOAD DATA LOCAL.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'note', type: 'VARCHAR' },
];
const EXPECTED = [
  [1, 'plain'],
  [2, 'Lee, Jr.'],
  [3, null],
];
const CSV = 'id,note\n1,plain\n2,"Lee, Jr."\n3,\n';
const ARRAYS = '[1, "plain"]\n[2, "Lee, Jr.", "extra"]\n[3, null]\n';

let both: BothTargets;

beforeAll(async () => {
  both = await openBothTargets('compressed_files');
  const landing = join(both.root, 'landing');
  await mkdir(landing);
  await writeFile(join(landing, 'orders.csv.gz'), gzipSync(CSV));
  await writeFile(join(landing, 'orders.data'), gzipSync(CSV));
  await writeFile(join(landing, 'rows.jsonl'), ARRAYS);
  await writeFile(join(landing, 'rows.jsonl.gz'), gzipSync(ARRAYS));
  await writeFile(join(landing, 'broken.csv.gz'), CSV);
  await writeFile(join(landing, 'objects.jsonl'), '{"id": 1, "note": "x"}\n');
}, 30_000);

afterAll(() => both.close());

const flow = (source: Record<string, unknown>): FlowDocument => ({
  schemaVersion: 1,
  stages: [
    stage('src', 'file-source', { externalStage: 'landing', columns: COLUMNS, ...source }),
    stage('dest', 'table-destination', { table: 'loaded', mode: 'overwrite' }),
  ],
  links: [link('src', 'dest')],
});

describe.each(TARGET_NAMES)('compressed files and lines of arrays on %s', (name) => {
  async function load(source: Record<string, unknown>) {
    const target = both.target(name);
    const plan = compileFor(flow(source), {
      target: target.profile,
      runTag: 'c1',
      root: both.root,
      existingTables: await target.existingTables([{ name: 'loaded' }]),
    });
    const client = await target.connect();
    try {
      const outcome = await runPlan(client, plan, { onEvent: () => undefined });
      if (outcome.state !== 'succeeded') return { outcome, rows: [] };
      const rows = await client.query<{ id: unknown; note: unknown }>(
        'SELECT id, note FROM loaded ORDER BY id',
      );
      return { outcome, rows: rows.map((r) => [Number(r.id), r.note]) };
    } finally {
      await client.close();
    }
  }

  it.each([
    ['a .gz CSV read as its extension says', { path: 'orders.csv.gz' }],
    ['a gzip CSV named gzip, whatever its extension', { path: 'orders.data', compression: 'gzip' }],
  ])('loads %s', async (_, source) => {
    const { outcome, rows } = await load(source);
    expect(outcome.state).toBe('succeeded');
    expect(rows).toEqual(EXPECTED);
  });

  it.each([
    ['plain', { path: 'rows.jsonl' }],
    ['gzip', { path: 'rows.jsonl.gz', compression: 'gzip' }],
  ])(
    'loads %s JSON lines of arrays by position, values past the columns ignored',
    async (_, source) => {
      const { outcome, rows } = await load({ format: 'jsonl', jsonRows: 'arrays', ...source });
      expect(outcome.state).toBe('succeeded');
      expect(rows).toEqual(EXPECTED);
    },
  );

  it('fails the source on a line that is not an array, naming the file', async () => {
    const { outcome } = await load({ path: 'objects.jsonl', format: 'jsonl', jsonRows: 'arrays' });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'src' });
    expect(outcome.error).toContain('Cannot load stage://landing/objects.jsonl');
    expect(outcome.error).toContain('not a JSON array');
  });

  it('fails the source on a file named gzip that is not, naming the file by its stage:// form', async () => {
    const { outcome } = await load({ path: 'broken.csv.gz' });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'src' });
    expect(outcome.error).toContain('stage://landing/broken.csv.gz');
    expect(outcome.error).not.toContain(both.root);
  });
});
