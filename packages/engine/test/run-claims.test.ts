import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Target } from '../src/target';
import type { TestDatabase } from './mariadb';
import { ClaimsTable } from '../src/mysql/claims-table';
import { runLockName } from '../src/mysql/named-locks';
import { openTarget } from '../src/open-target';
import { ClaimLostError, DestinationHeldError } from '../src/run-claims';
import { connectTestServer, createTestDatabase, uniqueName } from './mariadb';
import { leftovers } from './mariadb-checks';

/**
 * Claims held in the target, which every Sluice server on it sees, and the start-up sweep that
 * drops the staging of runs holding none. "Two servers" are two targets opened on one database.
 */
let db: TestDatabase;
let first: Target;
let second: Target;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('sluice_claims');
  const options = { allowedDirectories: [], metaDatabase: db.metaDatabase };
  first = await openTarget(db.location, options);
  second = await openTarget(db.location, options);
  dir = await mkdtemp(join(tmpdir(), 'sluice-claims-'));
}, 30_000);

afterAll(async () => {
  await first.close();
  await second.close();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

const held = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof DestinationHeldError ? error.destination : error),
  );

describe('claims on MariaDB (named locks)', () => {
  it('refuses a destination another server holds until its run releases it', async () => {
    const claim = await first.claim({ runTag: 'aaaa0001', destinations: ['table:x', 'table:y'] });
    expect(await held(second.claim({ runTag: 'aaaa0002', destinations: ['table:y'] }))).toBe(
      'table:y',
    );
    await claim.release();
    const next = await second.claim({ runTag: 'aaaa0002', destinations: ['table:y'] });
    await next.release();
  });

  it('frees a claim whose connection the server killed', async () => {
    const claim = await first.claim({ runTag: 'aaaa0003', destinations: ['table:z'] });
    const [owner] = await db.client.query<{ id: number | null }>('SELECT IS_USED_LOCK(?) AS id', [
      runLockName('aaaa0003'),
    ]);
    expect(owner?.id).not.toBeNull();
    await db.client.run(`KILL ${String(owner?.id)}`);
    const again = await second.claim({ runTag: 'aaaa0004', destinations: ['table:z'] });
    await again.release();
    await claim.release();
  });

  it('sweeps the staging of dead runs, keeping live runs, other tables and old copies', async () => {
    const dead = 'deadbeef';
    const live = 'cafef00d';
    for (const name of [
      `__sluice_${dead}_src`,
      `__sluice_${dead}_dest_new`,
      `__sluice_${dead}_dest_old`,
      `__sluice_${live}_src`,
      '__sluice_notatag_src',
      'orders__sluice_deadbeef_x',
    ]) {
      await db.client.run('CREATE TABLE ?? (id INT)', [name]);
    }
    await db.client.run(`CREATE VIEW ?? AS SELECT id FROM ??`, [
      `__sluice_${dead}_view`,
      `__sluice_${dead}_src`,
    ]);
    const liveClaim = await second.claim({ runTag: live, destinations: [] });
    try {
      const sweep = await first.sweepStaging();
      const here = (name: string) => `${db.location.database}.${name}`;
      expect(sweep.dropped.sort()).toEqual(
        [`__sluice_${dead}_dest_new`, `__sluice_${dead}_src`, `__sluice_${dead}_view`].map(here),
      );
      expect(sweep.kept.map((k) => k.name)).toEqual([here(`__sluice_${dead}_dest_old`)]);
      expect(await leftovers(db.client, db.location.database)).toEqual([
        `__sluice_${live}_src`,
        `__sluice_${dead}_dest_old`,
        '__sluice_notatag_src',
      ]);
    } finally {
      await liveClaim.release();
    }
  });
});

describe('claims on a claims table (MatrixOne), tried on MariaDB', () => {
  it('refuses a held destination, frees it on release and lets a dead run lapse', async () => {
    const table = new ClaimsTable(first.meta, db.location.database);
    const other = new ClaimsTable(second.meta, db.location.database);
    const claim = await table.claim({ runTag: 'bbbb0001', destinations: ['table:t'] });
    expect(await held(other.claim({ runTag: 'bbbb0002', destinations: ['table:t'] }))).toBe(
      'table:t',
    );
    expect(await other.isLive('bbbb0001')).toBe(true);
    await claim.release();
    expect(await other.isLive('bbbb0001')).toBe(false);

    // A server that died stops renewing; once the lease has passed, its claim holds nothing.
    await table.claim({ runTag: 'bbbb0003', destinations: ['table:t'] });
    await db.client.run(
      'UPDATE sluice_run_claims SET expires_at = UNIX_TIMESTAMP() - 1 WHERE run_tag = ?',
      ['bbbb0003'],
    );
    expect(await other.isLive('bbbb0003')).toBe(false);
    const next = await other.claim({ runTag: 'bbbb0004', destinations: ['table:t'] });
    await next.release();
  });
});

/** Resolves with the reason once `signal` aborts (the test's own timeout bounds the wait). */
const abortReason = (signal: AbortSignal) =>
  new Promise<unknown>((resolve) => {
    signal.addEventListener('abort', () => {
      resolve(signal.reason);
    });
  });

describe('a claims-table claim whose lease cannot be kept, tried on MariaDB', () => {
  it('says it is lost when a renewal finds its rows taken by another run', async () => {
    const table = new ClaimsTable(first.meta, db.location.database, 50);
    const claim = await table.claim({ runTag: 'dddd0001', destinations: ['table:lease'] });
    const lost = abortReason(claim.lost);
    // What a lapsed lease meets: another server swept the rows and wrote its own.
    await db.client.run("UPDATE sluice_run_claims SET run_tag = 'dddd0002' WHERE run_tag = ?", [
      'dddd0001',
    ]);
    expect(await lost).toBeInstanceOf(ClaimLostError);
    expect(String(await lost)).toContain('its lease lapsed and was taken');
    await claim.release();
    await db.client.run("DELETE FROM sluice_run_claims WHERE run_tag = 'dddd0002'");
  });

  it('says it is lost after two renewals fail in a row', async () => {
    const own = await connectTestServer(db.location.database);
    const table = new ClaimsTable(own, db.location.database, 50);
    const claim = await table.claim({ runTag: 'dddd0003', destinations: ['table:gone'] });
    const lost = abortReason(claim.lost);
    await own.close();
    const reason = await lost;
    expect(reason).toBeInstanceOf(ClaimLostError);
    expect(String(reason)).toContain('renewing its lease failed');
    await db.client.run("DELETE FROM sluice_run_claims WHERE run_tag = 'dddd0003'");
  });
});

describe('claims on a claims table, from two servers at once', () => {
  it('lets one of two simultaneous claims of a table through and refuses the other', async () => {
    const table = new ClaimsTable(first.meta, db.location.database);
    const other = new ClaimsTable(second.meta, db.location.database);
    await table.isLive('cccc0000');
    const results = await Promise.allSettled([
      table.claim({ runTag: 'cccc0001', destinations: ['table:race'] }),
      other.claim({ runTag: 'cccc0002', destinations: ['table:race'] }),
    ]);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.any(DestinationHeldError)]);
    for (const claim of won) await claim.release();
  });
});

describe('the sweep on DuckDB', () => {
  it('drops staging of runs no longer running and keeps a live run and other tables', async () => {
    const duck = await openTarget(
      { kind: 'duckdb', path: join(dir, 'sweep.duckdb') },
      { allowedDirectories: [dir] },
    );
    try {
      for (const name of ['__sluice_deadbeef_src', '__sluice_cafef00d_src', 'keep_me']) {
        await duck.meta.run(`CREATE TABLE "${name}" (id INTEGER)`);
      }
      await duck.meta.run('CREATE VIEW "__sluice_deadbeef_v" AS SELECT 1 AS id');
      const live = await duck.claim({ runTag: 'cafef00d', destinations: [] });
      const sweep = await duck.sweepStaging();
      await live.release();
      expect(sweep.dropped.sort()).toEqual([
        'main.__sluice_deadbeef_src',
        'main.__sluice_deadbeef_v',
      ]);
      const rows = await duck.meta.query<{ name: string }>(
        "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1",
      );
      expect(rows.map((r) => r.name)).toEqual(['__sluice_cafef00d_src', 'keep_me']);
    } finally {
      await duck.close();
    }
  });
});

describe('the sweep beyond the target database', () => {
  it("drops a dead run's shadow in a database flows write to, and no other database", async () => {
    const named = uniqueName('sluice_claims_dest');
    const unnamed = uniqueName('sluice_claims_other');
    try {
      for (const database of [named, unnamed]) {
        await db.client.run(`CREATE DATABASE \`${database}\``);
        await db.client.run(`CREATE TABLE \`${database}\`.__sluice_deadbeef_t_new (id INT)`);
      }
      const sweep = await first.sweepStaging({ schemas: [named] });
      const elsewhere = sweep.dropped.filter((n) => !n.startsWith(`${db.location.database}.`));
      expect(elsewhere).toEqual([`${named}.__sluice_deadbeef_t_new`]);
      expect(await leftovers(db.client, named)).toEqual([]);
      expect(await leftovers(db.client, unnamed)).toEqual(['__sluice_deadbeef_t_new']);
    } finally {
      for (const database of [named, unnamed]) {
        await db.client.run(`DROP DATABASE IF EXISTS \`${database}\``);
      }
    }
  });

  it.each(['MariaDB', 'DuckDB'])(
    'deletes the temporary exports of dead runs under the folders given, on %s',
    async (name) => {
      const folder = join(dir, `exports-${name}`);
      await mkdir(join(folder, 'sub'), { recursive: true });
      const dead = join(folder, 'sub', 'out.csv.sluice-deadbeef-export.tmp');
      const kept = [
        join(folder, 'paid.csv.sluice-cafef00d-export.tmp'),
        join(folder, 'paid.csv'),
        join(folder, 'notes.sluice-deadbeef.txt'),
      ];
      for (const file of [dead, ...kept]) await writeFile(file, 'x');
      const duck =
        name === 'DuckDB'
          ? await openTarget(
              { kind: 'duckdb', path: join(dir, 'temp-sweep.duckdb') },
              { allowedDirectories: [dir] },
            )
          : undefined;
      const target = duck ?? first;
      const live = await target.claim({ runTag: 'cafef00d', destinations: [] });
      try {
        const sweep = await target.sweepStaging({ folders: [folder, join(dir, 'missing')] });
        expect(sweep.dropped.filter((path) => path.startsWith(folder))).toEqual([dead]);
      } finally {
        await live.release();
        await duck?.close();
      }
      const left = await readdir(folder, { recursive: true });
      expect(left.sort()).toEqual([
        'notes.sluice-deadbeef.txt',
        'paid.csv',
        'paid.csv.sluice-cafef00d-export.tmp',
        'sub',
      ]);
    },
  );
});
