import { describe, expect, it } from 'vitest';

import type { Stage } from '@sluice/flow';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow } from '../src';
import { DUCKDB, MARIADB, MATRIXONE_3, MATRIXONE_4, stage } from './build-flow';

/**
 * Golden SQL of every executor form per dialect. No MatrixOne server runs here, so the MatrixOne
 * strings are the proof; each cites the grammar section of sql-reference.md and the regression
 * case of matrixorigin/matrixone it follows.
 */
const ORDERS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'amount', type: 'DOUBLE' },
];

/** A load into table `orders`, then `executor` linked after the destination. */
function compile(target: TargetProfile, executor: Stage, extra: Stage[] = []) {
  const stages = [
    stage('src', 'file-source', { path: 'orders.csv', columns: ORDERS }),
    stage('dest', 'table-destination', { table: 'orders' }),
    executor,
    ...extra,
  ];
  const after = (from: string, to: string, i: number) => ({
    id: `a${String(i)}`,
    source: { stageId: from, port: 'done' },
    target: { stageId: to, port: 'after' },
  });
  const links = [
    { id: 'l1', source: { stageId: 'src', port: 'out' }, target: { stageId: 'dest', port: 'in' } },
    after('dest', executor.id, 1),
    ...extra.map((s, i) => after(executor.id, s.id, i + 2)),
  ];
  return compileFlow(analyzeFlow({ schemaVersion: 1, stages, links }), {
    target,
    runTag: 'r1',
    resolveFile: (ref) => `/data/${ref.path}`,
    existingTables: [{ name: 'orders' }],
  });
}

/** The executor's steps as `id [phase, in or out]: sql`. */
function executorSteps(target: TargetProfile, config: Record<string, unknown>, type: string) {
  const { plan, diagnostics } = compile(target, stage('x', type, config));
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan.steps
    .filter((s) => s.stageId === 'x')
    .map((s) => `${s.id} [${s.phase}, ${s.inTransaction ? 'in' : 'out'}]: ${s.sql}`);
}

function errorsOf(target: TargetProfile, config: Record<string, unknown>, type: string) {
  const { diagnostics } = compile(target, stage('x', type, config));
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => [d.code, d.stageId, d.path, d.message]);
}

describe('clone', () => {
  const table = { source: 'orders', target: 'orders_copy' };

  // git4data/clone/table_clone.sql: `create table t2 clone t1;`, and across databases
  // `create table db1_copy.t4_copy clone t4 {snapshot = "sp0"} to account acc1;`.
  it.each([MATRIXONE_3, MATRIXONE_4])('MatrixOne %o clones natively after the commit', (target) => {
    expect(executorSteps(target, table, 'clone')).toEqual([
      'clone:x [after-commit, out]: CREATE TABLE `orders_copy` CLONE `orders`',
    ]);
    const across = {
      ...table,
      sourceSchema: 'db1',
      targetSchema: 'db1_copy',
      snapshot: 'sp0',
      toAccount: 'acc1',
    };
    expect(executorSteps(target, across, 'clone')).toEqual([
      "clone:x [after-commit, out]: CREATE TABLE `db1_copy`.`orders_copy` CLONE `db1`.`orders`{snapshot = 'sp0'} TO ACCOUNT `acc1`",
    ]);
  });

  // git4data/clone/clone_table_if_not_exists.sql and database_clone.sql
  // (`create database test01 clone test;`, `… clone test {snapshot = 'sp'}`).
  it('MatrixOne clones a database, at a snapshot, only if the copy is missing', () => {
    const config = {
      what: 'database',
      source: 'sales',
      target: 'sales_copy',
      snapshot: 'sp1',
      ifNotExists: true,
    };
    expect(executorSteps(MATRIXONE_4, config, 'clone')).toEqual([
      "clone:x [after-commit, out]: CREATE DATABASE IF NOT EXISTS `sales_copy` CLONE `sales`{snapshot = 'sp1'}",
    ]);
  });

  it('MatrixOne refuses a clone into another account without a snapshot (sql-reference.md §5.1)', () => {
    expect(errorsOf(MATRIXONE_4, { ...table, toAccount: 'acc1' }, 'clone')).toEqual([
      [
        'unsupported-on-target',
        'x',
        ['toAccount'],
        'Cloning into another account without a snapshot needs a snapshot to clone from; this server is MatrixOne 4.1.0. Name a snapshot, or clear the account to make the copy here.',
      ],
    ]);
  });

  it('DuckDB copies the columns and rows with CREATE TABLE AS SELECT', () => {
    expect(executorSteps(DUCKDB, { ...table, ifNotExists: true }, 'clone')).toEqual([
      'clone:x [after-commit, out]: CREATE TABLE IF NOT EXISTS "orders_copy" AS SELECT * FROM "orders"',
    ]);
  });

  it('MariaDB copies the definition with LIKE, then the rows (only into an empty copy when skipping)', () => {
    expect(executorSteps(MARIADB, table, 'clone')).toEqual([
      'clone-1:x [after-commit, out]: CREATE TABLE `orders_copy` LIKE `orders`',
      'clone-2:x [after-commit, out]: INSERT INTO `orders_copy` SELECT * FROM `orders`',
    ]);
    expect(executorSteps(MARIADB, { ...table, ifNotExists: true }, 'clone')[1]).toBe(
      'clone-2:x [after-commit, out]: INSERT INTO `orders_copy` SELECT * FROM `orders` WHERE NOT EXISTS (SELECT 1 FROM `orders_copy`)',
    );
  });

  it.each([DUCKDB, MARIADB])('says on each field what %o cannot clone', (target) => {
    const config = { what: 'database', source: 's', target: 't', snapshot: 'sp', toAccount: 'a' };
    expect(errorsOf(target, config, 'clone').map((e) => [e[0], e[2]])).toEqual([
      ['unsupported-on-target', ['what']],
      ['unsupported-on-target', ['snapshot']],
      ['unsupported-on-target', ['toAccount']],
    ]);
  });
});

describe('snapshots', () => {
  // snapshot/snapshot_restore_database_level.sql: `create snapshot sp_01 for account;`;
  // git4data/clone/table_clone.sql: `create snapshot sp0 for table db1 t4;` (two names, §5.2).
  it.each([
    [{ name: 'sp', level: 'account' }, 'CREATE SNAPSHOT `sp` FOR ACCOUNT'],
    [{ name: 'sp', level: 'database', database: 'db1' }, 'CREATE SNAPSHOT `sp` FOR DATABASE `db1`'],
    [
      { name: 'sp', level: 'table', database: 'db1', table: 't4' },
      'CREATE SNAPSHOT `sp` FOR TABLE `db1` `t4`',
    ],
  ])('MatrixOne takes %o after the commit, outside any transaction', (config, sql) => {
    expect(executorSteps(MATRIXONE_4, config, 'create-snapshot')).toEqual([
      `snapshot:x [after-commit, out]: ${sql}`,
    ]);
  });

  // HEAD snapshot/snapshot_restore_database_level.sql: `restore database snapshot_read{snapshot="sp_01"};`
  it.each([
    [{ level: 'account', account: 'acc1' }, "RESTORE ACCOUNT `acc1` {SNAPSHOT = 'sp'}"],
    [{ level: 'database', database: 'db1' }, "RESTORE DATABASE `db1` {SNAPSHOT = 'sp'}"],
    [
      { level: 'table', account: 'sys', database: 'db1', table: 't' },
      "RESTORE TABLE `sys`.`db1`.`t` {SNAPSHOT = 'sp'}",
    ],
  ])('MatrixOne 4.x restores %o with the brace form (§5.3)', (config, sql) => {
    expect(executorSteps(MATRIXONE_4, { snapshot: 'sp', ...config }, 'restore-snapshot')).toEqual([
      `restore:x [after-commit, out]: ${sql}`,
    ]);
  });

  // v3.0 snapshot cases: `restore account sys database test01 table aff01 from snapshot sp01;`
  it('MatrixOne 3.x restores with FROM SNAPSHOT, naming the account, or says to name it', () => {
    const config = {
      snapshot: 'sp01',
      level: 'table',
      account: 'sys',
      database: 'test01',
      table: 'aff01',
    };
    expect(executorSteps(MATRIXONE_3, config, 'restore-snapshot')).toEqual([
      'restore:x [after-commit, out]: RESTORE ACCOUNT `sys` DATABASE `test01` TABLE `aff01` FROM SNAPSHOT `sp01`',
    ]);
    const unnamed = { snapshot: 'sp01', level: 'database', database: 'test01' };
    expect(errorsOf(MATRIXONE_3, unnamed, 'restore-snapshot').map((e) => [e[0], e[2]])).toEqual([
      ['unsupported-on-target', ['account']],
    ]);
  });

  it.each([DUCKDB, MARIADB])('%o has no snapshots: a diagnostic on the stage, no SQL', (target) => {
    expect(
      errorsOf(target, { name: 'sp', level: 'account' }, 'create-snapshot').map((e) => e[0]),
    ).toEqual(['unsupported-on-target']);
    expect(
      errorsOf(
        target,
        { snapshot: 'sp', level: 'database', database: 'd' },
        'restore-snapshot',
      ).map((e) => e[2]),
    ).toEqual([['level']]);
  });
});

describe('SQL statement', () => {
  const statement = (runs: string, sql = 'UPDATE orders SET amount = 0 WHERE amount < 0;') => ({
    sql,
    runs,
  });

  it('runs inside the write: DuckDB and MatrixOne in the transaction, MySQL in the commit phase', () => {
    expect(executorSteps(DUCKDB, statement('inside'), 'sql-statement')).toEqual([
      'statement:x [execute, in]: UPDATE orders SET amount = 0 WHERE amount < 0',
    ]);
    expect(executorSteps(MATRIXONE_4, statement('inside'), 'sql-statement')).toEqual([
      'statement:x [execute, in]: UPDATE orders SET amount = 0 WHERE amount < 0',
    ]);
    expect(executorSteps(MARIADB, statement('inside'), 'sql-statement')).toEqual([
      'statement:x [commit, in]: UPDATE orders SET amount = 0 WHERE amount < 0',
    ]);
  });

  it('runs after the commit, on its own', () => {
    expect(executorSteps(MARIADB, statement('after-commit'), 'sql-statement')).toEqual([
      'statement:x [after-commit, out]: UPDATE orders SET amount = 0 WHERE amount < 0',
    ]);
  });

  it.each([
    [
      'UPDATE a SET x = 1; DROP TABLE b',
      'Write exactly one statement: a semicolon inside it would start another.',
    ],
    [
      'DROP DATABASE sluice',
      '"sluice" holds Sluice\'s own tables; a SQL statement may not touch Sluice\'s own tables.',
    ],
    [
      'DELETE FROM `sluice`.runs',
      '"sluice" holds Sluice\'s own tables; a SQL statement may not touch Sluice\'s own tables.',
    ],
  ])('refuses %j on its field', (sql, message) => {
    expect(errorsOf(DUCKDB, statement('inside', sql), 'sql-statement')).toEqual([
      ['invalid-sql', 'x', ['sql'], message],
    ]);
  });

  it('reads the metadata schema name inside a quoted text as text', () => {
    const sql = "UPDATE orders SET note = 'loaded by sluice'";
    expect(errorsOf(DUCKDB, statement('inside', sql), 'sql-statement')).toEqual([]);
  });

  it('refuses a statement inside the write ordered after one that runs after the commit', () => {
    const { diagnostics } = compile(
      DUCKDB,
      stage('x', 'create-snapshot', { name: 'sp', level: 'account' }),
      [stage('y', 'sql-statement', statement('inside'))],
    );
    expect(diagnostics.find((d) => d.stageId === 'y' && d.severity === 'error')).toMatchObject({
      code: 'invalid-config',
      path: ['runs'],
    });
  });

  it('orders executors by their links: a chain runs in link order after the destination', () => {
    const { plan } = compile(
      MATRIXONE_4,
      stage('x', 'create-snapshot', { name: 'sp', level: 'account' }),
      [stage('y', 'clone', { source: 'orders', target: 'orders_copy', snapshot: 'sp' })],
    );
    expect(plan?.steps.map((s) => s.id)).toEqual([
      'staging:src',
      'load:src',
      'write:dest',
      'snapshot:x',
      'clone:y',
    ]);
  });
});

describe('links into an executor', () => {
  it('takes several, runs after all of them, and refuses a done port linked into rows', () => {
    const stages = [
      stage('src', 'file-source', { path: 'orders.csv', columns: ORDERS }),
      stage('one', 'table-destination', { table: 'a' }),
      stage('two', 'table-destination', { table: 'b' }),
      stage('snap', 'create-snapshot', { name: 'sp', level: 'account' }),
    ];
    const rows = (to: string) => ({
      id: `r-${to}`,
      source: { stageId: 'src', port: 'out' },
      target: { stageId: to, port: 'in' },
    });
    const after = (from: string) => ({
      id: `a-${from}`,
      source: { stageId: from, port: 'done' },
      target: { stageId: 'snap', port: 'after' },
    });
    const links = [rows('one'), rows('two'), after('one'), after('two')];
    const { plan, diagnostics } = compileFlow(analyzeFlow({ schemaVersion: 1, stages, links }), {
      target: MATRIXONE_4,
      runTag: 'r1',
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.steps.at(-1)?.id).toBe('snapshot:snap');

    const wrong = { ...after('one'), target: { stageId: 'two', port: 'in' } };
    const refused = analyzeFlow({ schemaVersion: 1, stages, links: [rows('one'), wrong] });
    expect(refused.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'invalid-config',
        stageId: 'two',
        message: 'A stage that outputs no rows links only into an executor.',
      }),
    );
  });
});
