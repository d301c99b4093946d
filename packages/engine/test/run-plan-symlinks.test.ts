import { renameSync, symlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { RunEvent } from '../src/run-events';
import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';
import { leftovers, tableContents } from './mariadb-checks';

/**
 * A folder inside the allowed root swapped for a symbolic link to a folder outside it while a
 * MariaDB run is under way, after every path was checked: the run must neither read the file
 * outside nor write one there.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'note', type: 'VARCHAR' },
];

let base: string;
let root: string;
let outside: string;
let db: TestDatabase;
let target: Target;

beforeAll(async () => {
  db = await createTestDatabase('sluice_symlinks');
  base = await realpath(await mkdtemp(join(tmpdir(), 'sluice-symlinks-')));
  root = join(base, 'root');
  outside = join(base, 'outside');
  target = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
}, 30_000);

afterAll(async () => {
  await target.close();
  await db.drop();
  await rm(base, { recursive: true, force: true });
});

beforeEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
  await mkdir(join(root, 'landing'), { recursive: true });
  await mkdir(join(root, 'exports'));
  await mkdir(outside);
  await writeFile(join(root, 'landing', 'orders.csv'), 'id,note\n1,inside\n');
  await writeFile(join(root, 'exports', 'out.csv'), 'earlier export\n');
  await writeFile(join(outside, 'orders.csv'), 'id,note\n1,secret outside the roots\n');
  await db.client.run('DROP TABLE IF EXISTS loaded, appended');
  await db.client.run('CREATE TABLE appended (id BIGINT, note TEXT)');
});

/** Moves `root/<folder>` aside and puts a link to the folder outside in its place. */
function swapForLink(folder: string): void {
  renameSync(join(root, folder), join(root, `${folder}-moved`));
  symlinkSync(outside, join(root, folder));
}

/** Runs `doc`, calling `onEvent` with each stage change (the moment to swap a folder). */
async function run(doc: FlowDocument, onEvent: (event: RunEvent) => void) {
  const plan = compileFor(doc, {
    target: target.profile,
    runTag: 's1',
    root,
    existingTables: await target.existingTables([{ name: 'appended' }]),
  });
  const client = await target.connect();
  try {
    return await runPlan(client, plan, { onEvent });
  } finally {
    await client.close();
  }
}

const source = stage('src', 'file-source', {
  externalStage: 'landing',
  path: 'orders.csv',
  columns: COLUMNS,
});

const swapWhen = (stageId: string, folder: string) => (event: RunEvent) => {
  if (event.stageId === stageId && event.state === 'running') swapForLink(folder);
};

const contentsOf = async (folder: string) => {
  const names = (await readdir(folder)).sort();
  return Promise.all(names.map(async (name) => [name, await readFile(join(folder, name), 'utf8')]));
};

describe('a MariaDB run whose folder is swapped for a symbolic link', () => {
  it('refuses to read the source through the link and loads nothing', async () => {
    const doc: FlowDocument = {
      schemaVersion: 1,
      stages: [source, stage('dest', 'table-destination', { table: 'loaded', mode: 'overwrite' })],
      links: [link('src', 'dest')],
    };
    const outcome = await run(doc, swapWhen('src', 'landing'));
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'src' });
    expect(outcome.error).toMatch(
      /^stage:\/\/landing\/orders\.csv was not opened: .*symbolic link/,
    );
    expect(outcome.error).not.toContain(base);
    expect(await target.existingTables([{ name: 'loaded' }])).toEqual([]);
    expect(await leftovers(db.client, db.location.database)).toEqual([]);
  });

  it('refuses to create the temporary export through the link and writes nothing', async () => {
    const doc: FlowDocument = {
      schemaVersion: 1,
      stages: [source, stage('out', 'file-export', { externalStage: 'exports', path: 'out.csv' })],
      links: [link('src', 'out')],
    };
    const outcome = await run(doc, swapWhen('out', 'exports'));
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'out' });
    expect(outcome.error).toMatch(/^stage:\/\/exports\/out\.csv was not opened: .*symbolic link/);
    expect(outcome.error).not.toContain(base);
    expect(await contentsOf(outside)).toEqual([
      ['orders.csv', 'id,note\n1,secret outside the roots\n'],
    ]);
    expect(await contentsOf(join(root, 'exports-moved'))).toEqual([
      ['out.csv', 'earlier export\n'],
    ]);
  });

  it('refuses to move the export into place through the link and keeps the earlier file', async () => {
    const doc: FlowDocument = {
      schemaVersion: 1,
      stages: [
        source,
        stage('out', 'file-export', { externalStage: 'exports', path: 'out.csv' }),
        stage('app', 'table-destination', { table: 'appended', mode: 'append' }),
      ],
      links: [link('src', 'out'), link('src', 'app')],
    };
    // The append's step runs in the final transaction, after the export was written.
    const outcome = await run(doc, swapWhen('app', 'exports'));
    expect(outcome).toMatchObject({ state: 'failed', failedStageId: 'out' });
    expect(outcome.error).toMatch(/^stage:\/\/exports\/out\.csv was not opened: .*symbolic link/);
    expect(await contentsOf(outside)).toEqual([
      ['orders.csv', 'id,note\n1,secret outside the roots\n'],
    ]);
    // The temporary file is deleted in the real folder it was written in, moved away since.
    expect(await contentsOf(join(root, 'exports-moved'))).toEqual([
      ['out.csv', 'earlier export\n'],
    ]);
    expect(outcome.cleanupErrors).toBeUndefined();
    expect(await tableContents(db.client, { name: 'appended' })).toEqual([]);
  });
});
