/**
 * `sluice` run as a process directly on the test MariaDB (a target database and a metadata
 * database of its own, dropped after): the README's sample flow, a failing run and a flow that
 * cannot run, each with its exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTarget } from '@sluice/engine';

import type { TestDatabase } from '../../test/mysql-test-database';
import { failingCondition, unlinkedFilter, writeVariant } from '../../test/flow-file-variants';
import { createTestDatabase } from '../../test/mysql-test-database';
import { cliWorkspace, SAMPLE_FLOW } from '../../test/sluice-cli';

let database: TestDatabase;
let workspace: Awaited<ReturnType<typeof cliWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { host, port, user, password, database: name } = database.location;
  const login =
    encodeURIComponent(user) + (password === '' ? '' : `:${encodeURIComponent(password)}`);
  workspace = await cliWorkspace({
    SLUICE_DATABASE_URL: `mysql://${login}@${host}:${port}/${name}`,
    SLUICE_METADATA_DATABASE: database.metadataDatabase,
  });
}, 60_000);
afterAll(async () => {
  await workspace.remove();
  await database.drop();
});

async function paidOrderCount(): Promise<number> {
  const target = await openTarget(database.location, {
    allowedDirectories: [],
    metaDatabase: database.metadataDatabase,
  });
  try {
    const rows = await target.meta.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM \`${database.location.database}\`.paid_orders`,
    );
    return Number(rows[0]?.n);
  } finally {
    await target.close();
  }
}

describe('sluice directly on MariaDB', () => {
  it('runs the sample flow file into the target database, exit code 0', async () => {
    const result = await workspace.sluice('run', SAMPLE_FLOW);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ {2}Paid \(filter\): succeeded, (\d+) rows/);
    const rows = Number(/Paid \(filter\): succeeded, (\d+) rows/.exec(result.stdout)?.[1]);
    expect(rows).toBeGreaterThan(0);
    expect(await paidOrderCount()).toBe(rows);
  }, 60_000);

  it('exits 1 for a run MariaDB fails, keeping the table as the last good run wrote it', async () => {
    const before = await paidOrderCount();
    const path = await writeVariant(workspace.dir, 'Broken filter', failingCondition);
    const result = await workspace.sluice('run', path);
    expect(result.code).toBe(1);
    // The filter runs inside the destination's statement, but the failure is its own SQL's.
    expect(result.stdout).toMatch(/ {2}Paid \(filter\): failed: .*no_such_function/i);
    expect(await paidOrderCount()).toBe(before);
  }, 60_000);

  it('exits 4 for a flow that cannot run', async () => {
    const path = await writeVariant(workspace.dir, 'Unlinked filter', unlinkedFilter);
    const result = await workspace.sluice('run', path);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('error    Paid (paid): Input "in" is not connected.');
  }, 60_000);
});
