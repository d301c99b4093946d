import { mkdir, mkdtemp, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ProgressEvent, StatementEvent } from '../src/run-events';
import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { compileFor, link, stage } from './flows';
import { createTestDatabase } from './mariadb';

/** Enough rows (about 4 MB, CRLF line ends) that the file goes to the server in many chunks. */
const ROWS = 120_000;
const CSV = `id,note\r\n${Array.from({ length: ROWS }, (_, i) => `${i},row number ${i}\r\n`).join('')}`;

let root: string;
let db: TestDatabase;
let target: Target;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sluice-load-progress-')));
  await mkdir(join(root, 'landing'));
  await writeFile(join(root, 'landing', 'big.csv'), CSV);
  db = await createTestDatabase('sluice_load_progress');
  target = await openTarget(db.location, {
    allowedDirectories: [root],
    metaDatabase: db.metaDatabase,
  });
}, 30_000);

afterAll(async () => {
  await target.close();
  await db.drop();
  await rm(root, { recursive: true, force: true });
});

describe('a streamed load on MariaDB', () => {
  it('reports the bytes it has read until they reach the file size, and each statement', async () => {
    const plan = compileFor(
      {
        schemaVersion: 1,
        stages: [
          stage('src', 'file-source', {
            externalStage: 'landing',
            path: 'big.csv',
            columns: [
              { name: 'id', type: 'BIGINT' },
              { name: 'note', type: 'VARCHAR' },
            ],
          }),
          stage('dest', 'table-destination', { table: 'loaded', mode: 'overwrite' }),
        ],
        links: [link('src', 'dest')],
      },
      {
        target: target.profile,
        runTag: 'p1',
        root,
        existingTables: await target.existingTables([{ name: 'loaded' }]),
      },
    );
    const progress: ProgressEvent[] = [];
    const statements: StatementEvent[] = [];
    const client = await target.connect();
    try {
      const outcome = await runPlan(client, plan, {
        onEvent: () => undefined,
        onProgress: (event) => progress.push(event),
        onStatement: (event) => statements.push(event),
      });
      expect(outcome).toEqual({ state: 'succeeded' });
    } finally {
      await client.close();
    }
    const size = (await stat(join(root, 'landing', 'big.csv'))).size;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.stageId === 'src' && p.totalBytes === size)).toBe(true);
    const read = progress.map((p) => p.bytesRead ?? -1);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(read.at(-1)).toBe(size);
    // The file goes straight into the overwrite's new table, in the destination's statement.
    const load = statements.find((s) => s.stageId === 'dest' && s.sql.includes('LOAD DATA LOCAL'));
    expect(load?.durationMs).toBeGreaterThanOrEqual(0);
    expect(statements.map((s) => s.stepId)).toEqual(plan.steps.map((s) => s.id));
  });
});
