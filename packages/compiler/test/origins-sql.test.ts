import { describe, expect, it } from 'vitest';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow, compileSample } from '../src';
import { DUCKDB, flow, MARIADB, MATRIXONE_4, stage } from './build-flow';

/**
 * Golden SQL of the row generator and the SQL query origin on every target. The generator's
 * row numbers are DuckDB's `generate_series`, MariaDB's Sequence engine `seq_1_to_N`, MySQL's
 * cross-joined digits and MatrixOne's `generate_series` (its column is `result`, per its
 * GENERATE_SERIES reference page); its randomness is `md5` and `conv` (MatrixOne's
 * `function/conv_row_bases` case) on the MySQL family.
 */
const MYSQL: TargetProfile = { dialect: 'mysql', product: 'MySQL', version: '8.0.36' };

const GENERATOR = {
  rows: 1000,
  seed: 7,
  columns: [
    { name: 'id', kind: 'sequence', start: 10, step: 5 },
    { name: 'qty', kind: 'integer', min: -3, max: 3 },
    { name: 'price', kind: 'decimal', min: 0.5, max: 9.99, scale: 2 },
    { name: 'colour', kind: 'choice', choices: ['red', "it's"] },
    { name: 'day', kind: 'date', from: '2024-02-28', to: '2024-03-01' },
    { name: 'key', kind: 'uuid' },
  ],
};

function originSql(target: TargetProfile, type: string, config: Record<string, unknown>) {
  const doc = flow(
    [stage('src', type, config), stage('dest', 'table-destination', { table: 'copy' })],
    ['src->dest'],
  );
  // Each stage staged on its own, so the origin's SQL is its own step.
  const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
    stageEach: true,
    target,
    runTag: 'r1',
    existingTables: [{ name: 'copy' }],
  });
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan.steps.find((s) => s.stageId === 'src')?.sql;
}

const DUCKDB_VALUES =
  `CAST((10 + 5 * ("__sluice_row" - 1)) AS BIGINT) AS "id", ` +
  `CAST((-3 + (CAST(('0x' || substr("__sluice_h1", 1, 15)) AS BIGINT) % 7)) AS BIGINT) AS "qty", ` +
  `CAST((50 + (CAST(('0x' || substr("__sluice_h2", 1, 15)) AS BIGINT) % 950)) * 0.01 AS DECIMAL(18, 2)) AS "price", ` +
  `CASE (CAST(('0x' || substr("__sluice_h3", 1, 15)) AS BIGINT) % 2) WHEN 0 THEN 'red' ELSE 'it''s' END AS "colour", ` +
  `(CAST('2024-02-28' AS DATE) + CAST((CAST(('0x' || substr("__sluice_h4", 1, 15)) AS BIGINT) % 3) AS INTEGER)) AS "day", ` +
  `concat(substr("__sluice_h5", 1, 8), '-', substr("__sluice_h5", 9, 4), '-4', substr("__sluice_h5", 14, 3), '-8', substr("__sluice_h5", 18, 3), '-', substr("__sluice_h5", 21, 12)) AS "key"`;

/** The md5 of `seed:column:row` for columns 1 to 5, the row number cast to text as `rowText`. */
const hashes = (rowText: string, quote: (name: string) => string) =>
  [1, 2, 3, 4, 5]
    .map((i) => `md5(concat('7:${String(i)}:', ${rowText})) AS ${quote(`__sluice_h${String(i)}`)}`)
    .join(', ');

const DUCKDB_HASHES = hashes('CAST("__sluice_row" AS VARCHAR)', (name) => `"${name}"`);

const FAMILY_HASHES = hashes(
  'CAST(`__sluice_row` AS CHAR CHARACTER SET utf8mb4)',
  (name) => `\`${name}\``,
);

describe('row generator SQL', () => {
  it('makes rows from DuckDB generate_series, hashing seed, column and row with md5', () => {
    expect(originSql(DUCKDB, 'row-generator', GENERATOR)).toBe(
      `CREATE VIEW "__sluice_r1_src" AS SELECT ${DUCKDB_VALUES} FROM (SELECT "__sluice_row", ${DUCKDB_HASHES} FROM (SELECT "__sluice_series"."n" AS "__sluice_row" FROM generate_series(1, 1000) AS "__sluice_series"("n")) AS "__sluice_numbers") AS "__sluice_hashed"`,
    );
  });

  it('reads the numbers from the Sequence engine on MariaDB and CONV on the MySQL family', () => {
    const sql = originSql(MARIADB, 'row-generator', GENERATOR);
    expect(sql).toContain(
      `FROM (SELECT \`__sluice_row\`, ${FAMILY_HASHES} FROM (SELECT \`__sluice_series\`.\`seq\` AS \`__sluice_row\` FROM \`seq_1_to_1000\` AS \`__sluice_series\`) AS \`__sluice_numbers\`) AS \`__sluice_hashed\``,
    );
    expect(sql).toContain(
      'CAST((-3 + (CAST(CONV(SUBSTR(`__sluice_h1`, 1, 15), 16, 10) AS SIGNED) % 7)) AS SIGNED) AS `qty`',
    );
    expect(sql).toContain(
      'CAST((50 + (CAST(CONV(SUBSTR(`__sluice_h2`, 1, 15), 16, 10) AS SIGNED) % 950)) * 0.01 AS DECIMAL(18,2)) AS `price`',
    );
    expect(sql).toContain(
      "DATE_ADD(CAST('2024-02-28' AS DATE), INTERVAL (CAST(CONV(SUBSTR(`__sluice_h4`, 1, 15), 16, 10) AS SIGNED) % 3) DAY) AS `day`",
    );
    expect(sql).toContain("WHEN 0 THEN 'red' ELSE 'it''s' END AS `colour`");
  });

  it('counts with cross-joined digits on MySQL, the leading digit only as far as needed', () => {
    const sql = originSql(MYSQL, 'row-generator', { ...GENERATOR, rows: 250 });
    const digits = (most: number) =>
      Array.from({ length: most + 1 }, (_, d) => `SELECT ${String(d)} AS \`d\``).join(
        ' UNION ALL ',
      );
    expect(sql).toContain(
      `(SELECT \`__sluice_n\` AS \`__sluice_row\` FROM (SELECT \`__sluice_d0\`.\`d\` * 1 + \`__sluice_d1\`.\`d\` * 10 + \`__sluice_d2\`.\`d\` * 100 + 1 AS \`__sluice_n\` FROM (${digits(9)}) AS \`__sluice_d0\` CROSS JOIN (${digits(9)}) AS \`__sluice_d1\` CROSS JOIN (${digits(2)}) AS \`__sluice_d2\`) AS \`__sluice_digits\` WHERE \`__sluice_n\` <= 250) AS \`__sluice_numbers\``,
    );
  });

  it('reads the numbers from generate_series on MatrixOne, whose column is result', () => {
    const sql = originSql(MATRIXONE_4, 'row-generator', GENERATOR);
    expect(sql).toContain(
      '(SELECT `__sluice_series`.`result` AS `__sluice_row` FROM generate_series(1, 1000) AS `__sluice_series`) AS `__sluice_numbers`',
    );
    expect(sql).toContain('CAST(CONV(SUBSTR(`__sluice_h1`, 1, 15), 16, 10) AS SIGNED)');
    expect(sql).toContain("md5(concat('7:1:', CAST(`__sluice_row` AS TEXT))) AS `__sluice_h1`");
  });

  it('gives a one-value choice as that value, with no hash', () => {
    const sql = originSql(DUCKDB, 'row-generator', {
      rows: 1,
      seed: 0,
      columns: [{ name: 'c', kind: 'choice', choices: ['only'] }],
    });
    expect(sql).toBe(
      `CREATE VIEW "__sluice_r1_src" AS SELECT 'only' AS "c" FROM (SELECT "__sluice_row" FROM (SELECT "__sluice_series"."n" AS "__sluice_row" FROM generate_series(1, 1) AS "__sluice_series"("n")) AS "__sluice_numbers") AS "__sluice_hashed"`,
    );
  });
});

describe('SQL query origin SQL', () => {
  it.each([
    [DUCKDB, 'CREATE VIEW "__sluice_r1_src" AS SELECT id FROM orders WHERE amount > 10'],
    [MARIADB, 'CREATE VIEW `__sluice_r1_src` AS SELECT id FROM orders WHERE amount > 10'],
    [MATRIXONE_4, 'CREATE VIEW `__sluice_r1_src` AS SELECT id FROM orders WHERE amount > 10'],
  ])('stages the SELECT as written on %o', (target, expected) => {
    expect(
      originSql(target, 'sql-query', { sql: '  SELECT id FROM orders WHERE amount > 10\n' }),
    ).toBe(expected);
  });

  it('is read by the stage after it as its staged view', () => {
    const doc = flow(
      [
        stage('src', 'sql-query', { sql: 'SELECT id FROM orders' }),
        stage('lim', 'limit', { count: 5, offset: 0 }),
        stage('dest', 'table-destination', { table: 'copy' }),
      ],
      ['src->lim', 'lim->dest'],
    );
    const { plan } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: DUCKDB,
      runTag: 'r1',
    });
    expect(plan?.steps.find((s) => s.stageId === 'lim')?.sql).toBe(
      'CREATE VIEW "__sluice_r1_lim" AS SELECT * FROM "__sluice_r1_src" LIMIT 5',
    );
  });
});

describe('SQL query origin checks', () => {
  const problems = (sql: string) => {
    const doc = flow(
      [stage('src', 'sql-query', { sql }), stage('dest', 'table-destination', { table: 'copy' })],
      ['src->dest'],
    );
    return analyzeFlow(doc, { metadataSchema: 'sluice' }).diagnostics.map((d) => [
      d.code,
      d.stageId,
      d.path,
      d.message,
    ]);
  };

  it('reads any table of the target, joined or not, with no problem', () => {
    expect(
      problems('SELECT o.id, c.name FROM orders o JOIN shop.customers c ON c.id = o.cid'),
    ).toEqual([]);
  });

  it.each([
    ['DELETE FROM orders', 'Write a SELECT (WITH … SELECT allowed): a SQL query only reads.'],
    [
      "SELECT * FROM orders INTO OUTFILE '/tmp/x'",
      "SELECT … INTO is not allowed: a SQL query's rows go to the stages linked after it.",
    ],
    [
      'SELECT * FROM orders FOR UPDATE',
      'FOR UPDATE and LOCK IN SHARE MODE are not allowed: a SQL query reads without taking locks.',
    ],
    [
      "SELECT * FROM read_csv('/etc/passwd')",
      "READ_CSV() is not allowed: on DuckDB it reads or writes files on the database server. A SQL query may only read the target's tables.",
    ],
    ['SELECT 1; SELECT 2', 'Semicolons are not allowed: write one expression, not statements.'],
    [
      'SELECT * FROM sluice.runs',
      `"sluice" holds Sluice's own tables; a SQL query may only read the target's tables.`,
    ],
  ])('refuses %j on its SELECT field', (sql, message) => {
    expect(problems(sql)).toEqual([['invalid-sql', 'src', ['sql'], message]]);
  });
});

describe('origins in a data preview', () => {
  const sampleOf = (config: Record<string, unknown>, type: string, sampleRows: number) => {
    const doc = flow(
      [stage('src', type, config), stage('dest', 'table-destination', { table: 'copy' })],
      ['src->dest'],
    );
    const { plan } = compileSample(analyzeFlow(doc), {
      target: DUCKDB,
      stageId: 'src',
      runTag: 'p1',
      sampleRows,
    });
    return plan;
  };

  it('makes only the sample of a row generator, and counts it as a source', () => {
    const plan = sampleOf({ ...GENERATOR, rows: 50_000_000 }, 'row-generator', 10_000);
    expect(plan?.sources).toEqual(['src']);
    expect(plan?.steps[0]?.sql).toContain('generate_series(1, 10000)');
  });

  it('reads a SQL query through a LIMIT, none at all for a zero-row description', () => {
    const plan = sampleOf({ sql: 'SELECT * FROM orders' }, 'sql-query', 0);
    expect(plan?.sources).toEqual(['src']);
    expect(plan?.steps[0]?.sql).toBe(
      'CREATE TABLE "__sluice_p1_src" AS SELECT * FROM (SELECT * FROM orders) AS "__sluice_in" LIMIT 0',
    );
  });
});
