import { describe, expect, it } from 'vitest';

import type { TableDefinition, TableRef } from '@sluice/stages';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow } from '../src';
import { DUCKDB, flow, MARIADB, MATRIXONE_3, MATRIXONE_4, stage } from './build-flow';

/**
 * Golden SQL of upserts and of overwrites that keep the table's definition, per dialect. The
 * MatrixOne forms follow its regression cases (no MatrixOne server runs here, so these strings
 * are the proof): `ON DUPLICATE KEY UPDATE c = VALUES(c)` over `INSERT … SELECT` is
 * test/distributed/cases/dml/insert/on_duplicate_key.sql (the `t_null_dup` and `t_dup_large`
 * cases), and DML and DDL inside BEGIN … COMMIT is sql-reference.md §6.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'name', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
] as const;
const TABLE: TableRef = { name: 't' };
const KEYED: TableDefinition = {
  table: TABLE,
  columns: [...COLUMNS, { name: 'note', type: 'VARCHAR' }],
  uniqueKeys: [['id']],
};

function compile(
  target: TargetProfile,
  destination: Record<string, unknown>,
  catalogue: { existing?: TableRef[]; definitions?: TableDefinition[] } = {},
) {
  const doc = flow(
    [
      stage('src', 'file-source', { path: 'orders.csv', columns: COLUMNS }),
      stage('d', 'table-destination', { table: 't', ...destination }),
    ],
    ['src->d'],
  );
  // Each stage staged on its own, so the write reads a named source and only its form differs.
  return compileFlow(analyzeFlow(doc), {
    stageEach: true,
    target,
    runTag: 'r1',
    resolveFile: (ref) => `/data/${ref.path}`,
    ...(catalogue.existing ? { existingTables: catalogue.existing } : {}),
    ...(catalogue.definitions ? { tableDefinitions: catalogue.definitions } : {}),
  });
}

/** The destination's steps as `id [phase, in or out of the transaction]: sql`. */
function writeSteps(...args: Parameters<typeof compile>): string[] {
  const { plan, diagnostics } = compile(...args);
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan.steps
    .filter((s) => s.stageId === 'd' || s.id === 'swap')
    .map((s) => `${s.id} [${s.phase}, ${s.inTransaction ? 'in' : 'out'}]: ${s.sql}`);
}

const upsert = { mode: 'upsert', keys: ['id'] };
const existing = { existing: [TABLE], definitions: [KEYED] };
const missing = { existing: [], definitions: [] };

describe('upsert on keys', () => {
  it('DuckDB: ON CONFLICT (keys) DO UPDATE inside the transaction, into an existing table', () => {
    expect(writeSteps(DUCKDB, upsert, existing)).toEqual([
      'write:d [write, in]: INSERT INTO "t" BY NAME SELECT * FROM "__sluice_r1_src" ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "amount" = excluded."amount"',
    ]);
  });

  it('DuckDB: a missing table is created with the keys as its primary key first', () => {
    expect(writeSteps(DUCKDB, upsert, missing)[0]).toBe(
      'create:d [write, in]: CREATE TABLE IF NOT EXISTS "t" ("id" BIGINT, "name" VARCHAR, "amount" DOUBLE, PRIMARY KEY ("id"))',
    );
  });

  it('MariaDB: ON DUPLICATE KEY UPDATE with VALUES() inside the commit transaction', () => {
    expect(writeSteps(MARIADB, upsert, existing)).toEqual([
      'write:d [commit, in]: INSERT INTO `t` (`id`, `name`, `amount`) SELECT `id`, `name`, `amount` FROM `__sluice_r1_src` ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `amount` = VALUES(`amount`)',
    ]);
  });

  it('MariaDB: a missing table is a keyed shadow table swapped in, text keys bounded for InnoDB', () => {
    const steps = writeSteps(MARIADB, { mode: 'upsert', keys: ['name'] }, missing);
    expect(steps).toEqual([
      'create:d [write, out]: CREATE TABLE `__sluice_r1_d_new` (`id` BIGINT, `name` VARCHAR(768), `amount` DOUBLE, PRIMARY KEY (`name`))',
      'write:d [write, out]: INSERT INTO `__sluice_r1_d_new` (`id`, `name`, `amount`) SELECT `id`, `name`, `amount` FROM `__sluice_r1_src` ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `amount` = VALUES(`amount`)',
      'swap [swap, out]: RENAME TABLE `__sluice_r1_d_new` TO `t`',
    ]);
  });

  // test/distributed/cases/dml/insert/on_duplicate_key.sql: `insert into t_dup_large select …
  // on duplicate key update val = val + 1` and `… on duplicate key update a = values(a)`.
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'MatrixOne %o: ON DUPLICATE KEY UPDATE in the transaction',
    (target) => {
      expect(writeSteps(target, upsert, missing)).toEqual([
        'create:d [write, in]: CREATE TABLE IF NOT EXISTS `t` (`id` BIGINT, `name` TEXT, `amount` DOUBLE, PRIMARY KEY (`id`))',
        'write:d [write, in]: INSERT INTO `t` (`id`, `name`, `amount`) SELECT `id`, `name`, `amount` FROM `__sluice_r1_src` ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `amount` = VALUES(`amount`)',
      ]);
    },
  );

  it('MatrixOne bounds a text key as VARCHAR, the type it keys', () => {
    expect(writeSteps(MATRIXONE_4, { mode: 'upsert', keys: ['name'] }, missing)[0]).toContain(
      '`name` VARCHAR(65535), `amount` DOUBLE, PRIMARY KEY (`name`)',
    );
  });

  // on_duplicate_key_modern.sql part 3: without a unique key the clause is a plain insert.
  it.each([DUCKDB, MARIADB, MATRIXONE_4])(
    'refuses an existing table without a key on exactly the key columns (%o)',
    (target) => {
      const result = compile(target, { mode: 'upsert', keys: ['name'] }, existing);
      expect(result.plan).toBeUndefined();
      expect(result.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'no-unique-key', stageId: 'd', path: ['keys'] }),
      );
      expect(result.diagnostics.find((d) => d.code === 'no-unique-key')?.message).toContain(
        'Table "t" has no primary or unique key on exactly (name)',
      );
    },
  );

  it('accepts a composite unique key in another order, names compared ignoring case', () => {
    const definition = { ...KEYED, uniqueKeys: [['NAME', 'id']] };
    const result = compile(
      DUCKDB,
      { mode: 'upsert', keys: ['id', 'name'] },
      { existing: [TABLE], definitions: [definition] },
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.plan?.steps.at(-1)?.sql).toContain(
      'ON CONFLICT ("id", "name") DO UPDATE SET "amount"',
    );
  });
});

describe('overwrite keeps the table definition when the columns fit', () => {
  it('DuckDB deletes the rows and inserts by name in the transaction', () => {
    expect(writeSteps(DUCKDB, { mode: 'overwrite' }, existing)).toEqual([
      'clear:d [write, in]: DELETE FROM "t"',
      'write:d [write, in]: INSERT INTO "t" BY NAME SELECT * FROM "__sluice_r1_src"',
    ]);
  });

  it('MariaDB copies the definition with CREATE TABLE LIKE into a shadow table swapped in', () => {
    expect(writeSteps(MARIADB, { mode: 'overwrite' }, existing)).toEqual([
      'create:d [write, out]: CREATE TABLE `__sluice_r1_d_new` LIKE `t`',
      'write:d [write, out]: INSERT INTO `__sluice_r1_d_new` (`id`, `name`, `amount`) SELECT `id`, `name`, `amount` FROM `__sluice_r1_src`',
      'swap [swap, out]: RENAME TABLE `t` TO `__sluice_r1_d_old`, `__sluice_r1_d_new` TO `t`',
    ]);
  });

  // sql-reference.md §6: DELETE and INSERT … SELECT run inside BEGIN … COMMIT on every version,
  // so a MatrixOne before 3.0.7 (no CTAS in a transaction) can overwrite a table that fits.
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'MatrixOne %o deletes and inserts in the transaction',
    (target) => {
      expect(writeSteps(target, { mode: 'overwrite' }, existing)).toEqual([
        'clear:d [write, in]: DELETE FROM `t`',
        'write:d [write, in]: INSERT INTO `t` (`id`, `name`, `amount`) SELECT `id`, `name`, `amount` FROM `__sluice_r1_src`',
      ]);
    },
  );

  it('makes a table that lacks a column anew, with a warning naming the column', () => {
    const narrow = { ...KEYED, columns: [{ name: 'id', type: 'BIGINT' as const }] };
    const result = compile(
      DUCKDB,
      { mode: 'overwrite' },
      {
        existing: [TABLE],
        definitions: [narrow],
      },
    );
    expect(result.plan?.steps.filter((s) => s.stageId === 'd').map((s) => s.sql)).toEqual([
      'CREATE OR REPLACE TABLE "t" AS SELECT * FROM "__sluice_r1_src"',
    ]);
    const warning = result.diagnostics.find((d) => d.code === 'overwrite-recreates');
    expect(warning).toMatchObject({ severity: 'warning', stageId: 'd', path: ['mode'] });
    expect(warning?.message).toContain('Table "t" has no column "name", "amount"');
  });

  it('replaces the table as before when the catalogue does not describe it', () => {
    expect(writeSteps(DUCKDB, { mode: 'overwrite' }, { existing: [TABLE] })).toEqual([
      'write:d [write, in]: CREATE OR REPLACE TABLE "t" AS SELECT * FROM "__sluice_r1_src"',
    ]);
  });
});
