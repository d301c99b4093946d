import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';

/**
 * A CSV file whose third line opens a quoted field that never closes: the run must fail on the
 * source stage saying which line and why, on DuckDB and on MariaDB (which would otherwise load
 * the rest of the file as one value without a warning), never naming the server's folder.
 */
const UNCLOSED = 'id,note\n1,fine\n2,"broken\n3,after\n';
/** What each target says, beyond the line and the reason both give. */
const UNCLOSED_ERRORS: Record<string, string> = {
  DuckDB:
    'Invalid Input Error: CSV Error on Line: 3\nOriginal Line: 2,"broken\na quoted field is not closed (an unmatched `"`)',
  MariaDB:
    'Cannot load stage://landing/orders.csv, line 3: a quoted field is not closed (an unmatched `"`).',
};

let root: string;
let db: TestDatabase;
const targets: Record<string, Target> = {};

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-file-errors-')));
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'orders.csv'), UNCLOSED);
  await writeFile(join(root, 'landing', 'bad.jsonl'), '{"id": 1}\n{"id": \n');
  db = await createTestDatabase('sluice_file_errors');
  const options = { allowedDirectories: [root], metaDatabase: db.metaDatabase };
  targets.DuckDB = await openTarget({ kind: 'duckdb', path: ':memory:' }, options);
  targets.MariaDB = await openTarget(db.location, options);
}, 30_000);

afterAll(async () => {
  for (const target of Object.values(targets)) await target.close();
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

const flow = (source: Record<string, unknown>): FlowDocument => ({
  schemaVersion: 1,
  stages: [
    stage('src', 'file-source', { externalStage: 'landing', ...source }),
    stage('dest', 'table-destination', { table: 'loaded', mode: 'overwrite' }),
  ],
  links: [link('src', 'dest')],
});

const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'note', type: 'VARCHAR' },
];

/** Runs a flow loading `source` into a table on `name`'s target; returns the outcome. */
async function runSource(name: string, source: Record<string, unknown>) {
  const target = targets[name];
  if (!target) throw new Error(`No ${name} target.`);
  const existingTables = await target.existingTables([{ name: 'loaded' }]);
  const plan = compileFor(flow(source), {
    target: target.profile,
    runTag: 'q1',
    root,
    existingTables,
  });
  const client = await target.connect();
  try {
    return await runPlan(client, plan, { onEvent: () => undefined });
  } finally {
    await client.close();
  }
}

describe.each(['DuckDB', 'MariaDB'])('a file that cannot be loaded on %s', (name) => {
  it('fails the source on an unclosed quote with the line and the reason', async () => {
    const outcome = await runSource(name, { path: 'orders.csv', columns: COLUMNS });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'src' });
    expect(outcome.error).toBe(UNCLOSED_ERRORS[name]);
  });

  it('names a malformed file by its stage:// form, not by the server path', async () => {
    const columns = [{ name: 'id', type: 'BIGINT' }];
    const outcome = await runSource(name, { path: 'bad.jsonl', format: 'jsonl', columns });
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'src' });
    expect(outcome.error).toContain('stage://landing/bad.jsonl');
    expect(outcome.error).not.toContain(root);
  });
});
