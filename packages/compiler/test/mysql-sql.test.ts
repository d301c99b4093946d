import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { TableRef } from '@sluice/stages';

import type { Plan } from '../src';
import { analyzeFlow, compileFlow, getDialect } from '../src';
import {
  castDeriveFlow,
  dedupedFlow,
  flow,
  joinFlow,
  MARIADB,
  perCountryFlow,
  REVENUE_SQL,
  sortedTopFlow,
  stage,
  transformFlow,
  twoMonthsFlow,
  unionFlow,
} from './build-flow';

/**
 * Golden SQL of the mysql dialect (MySQL 8, MariaDB 10.6+): each statement form pinned, and the
 * MySQL plan shape — autocommit staging, views, checks and shadows, ONE swap with its
 * undo, appends in the transaction, cleanup of everything staged.
 */
const mysql = getDialect('mysql');
const idCols = [
  { name: 'id', type: 'BIGINT' },
  { name: 'ok', type: 'BOOLEAN' },
] as const;

function plan(doc: FlowDocument, existing: TableRef[] = [{ name: 'a' }]): Plan {
  const { plan: compiled, diagnostics } = compileFlow(analyzeFlow(doc), {
    stageEach: true,
    target: MARIADB,
    runTag: 'r1',
    resolveFile: (ref) => `/files/${ref.externalStage}/${ref.path}`,
    existingTables: existing,
  });
  if (!compiled) throw new Error(JSON.stringify(diagnostics));
  return compiled;
}

describe('mysql quoting', () => {
  it.each([
    ['plain', `'plain'`],
    [`it's`, `'it''s'`],
    ['back\\slash', `'back\\\\slash'`],
    ['"double" `tick`', `'"double" \`tick\`'`],
    ['東京 🚀', `'東京 🚀'`],
    ['tab\tline\ncr\r', `'tab\\tline\\ncr\\r'`],
  ])('writes the literal for %j', (value, expected) => {
    expect(mysql.literal(value)).toBe(expected);
  });

  it('backquotes identifiers, doubling backquotes, and refuses NUL', () => {
    expect(mysql.quoteIdentifier(`it's "a" \`b\` \\ 東京`)).toBe(`\`it's "a" \`\`b\`\` \\ 東京\``);
    expect(mysql.quoteTable({ schema: 'd`b', name: 't' })).toBe('`d``b`.`t`');
    expect(() => mysql.literal('a\0b')).toThrow('NUL');
    expect(() => mysql.quoteIdentifier('a\0b')).toThrow('NUL');
  });
});

describe('mysql loads', () => {
  const load = (config: Record<string, unknown>) =>
    plan(
      flow(
        [stage('src', 'file-source', config), stage('d', 'table-destination', { table: 'a' })],
        ['src->d'],
      ),
    ).steps.filter((s) => s.stageId === 'src');

  it('creates typed staging, then LOAD DATA LOCAL with every clause and NULL/boolean mapping', () => {
    const steps = load({ columns: idCols, nullString: 'NA', skipLines: 2 });
    expect(steps.map((s) => [s.id, s.phase, s.inTransaction, s.sql])).toEqual([
      [
        'staging:src',
        'load',
        false,
        'CREATE TABLE `__sluice_r1_src` (`id` BIGINT, `ok` BOOLEAN) DEFAULT CHARACTER SET utf8mb4 ENGINE=Aria TRANSACTIONAL=0',
      ],
      [
        'load:src',
        'load',
        false,
        "LOAD DATA LOCAL INFILE 'stage://samples/orders.csv' INTO TABLE `__sluice_r1_src` CHARACTER SET utf8mb4 " +
          `FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' ESCAPED BY '' LINES TERMINATED BY '\\n' IGNORE 3 LINES ` +
          "(@v1, @v2) SET `id` = NULLIF(@v1, 'NA'), `ok` = CASE WHEN LOWER(NULLIF(@v2, 'NA')) IN ('true', 't', 'yes', 'y', '1') THEN TRUE " +
          "WHEN LOWER(NULLIF(@v2, 'NA')) IN ('false', 'f', 'no', 'n', '0') THEN FALSE ELSE NULLIF(@v2, 'NA') END",
      ],
    ]);
    expect(steps[1]?.files).toEqual([
      {
        ref: { externalStage: 'samples', path: 'orders.csv' },
        mode: 'read',
        local: '/files/samples/orders.csv',
        stream: {
          format: {
            kind: 'csv',
            header: true,
            delimiter: ',',
            quote: '"',
            escape: '"',
            skipLines: 2,
            nullString: 'NA',
          },
          token: 'stage://samples/orders.csv',
        },
      },
    ]);
  });

  it('loads TSV with a tab and a backslash escape, fields first straight into their columns', () => {
    const [, step] = load({
      format: 'tsv',
      escape: '\\',
      header: false,
      columns: [
        { name: 'n', type: 'INTEGER' },
        { name: 'ok', type: 'BOOLEAN' },
      ],
    });
    const head =
      "LOAD DATA LOCAL INFILE 'stage://samples/orders.csv' INTO TABLE `__sluice_r1_src` CHARACTER SET utf8mb4 " +
      `FIELDS TERMINATED BY '\\t' OPTIONALLY ENCLOSED BY '"' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' IGNORE 0 LINES `;
    const words = (value: string) =>
      `CASE WHEN LOWER(${value}) IN ('true', 't', 'yes', 'y', '1') THEN TRUE ` +
      `WHEN LOWER(${value}) IN ('false', 'f', 'no', 'n', '0') THEN FALSE ELSE ${value} END`;
    expect(step?.sql).toBe(`${head}(\`n\`, @v2) SET \`ok\` = ${words('@v2')}`);
    expect(step?.files?.[0]?.stream?.stopAtEmptyField).toBe(true);
    expect(step?.fallback).toEqual({
      before: ['TRUNCATE TABLE `__sluice_r1_src`'],
      sql:
        `${head}(@v1, @v2) SET \`n\` = NULLIF(@v1, ''), ` + `\`ok\` = ${words("NULLIF(@v2, '')")}`,
    });
  });

  it('loads only the careful form where the null value is not the empty field', () => {
    const [, step] = load({ columns: idCols, nullString: 'NA' });
    expect(step?.sql).toContain("SET `id` = NULLIF(@v1, 'NA')");
    expect(step?.files?.[0]?.stream?.stopAtEmptyField).toBeUndefined();
    expect(step?.fallback).toBeUndefined();
  });

  it('loads JSON lines as the tab-separated text the engine transcodes them into', () => {
    const [staging, step] = load({
      format: 'jsonl',
      path: 'e.jsonl',
      columns: [
        { name: 'x`y', type: 'TIMESTAMP' },
        { name: 'v', type: 'DECIMAL' },
      ],
    });
    expect(staging?.sql).toBe(
      'CREATE TABLE `__sluice_r1_src` (`x``y` DATETIME(6), `v` DECIMAL(38,10)) DEFAULT CHARACTER SET utf8mb4 ENGINE=Aria TRANSACTIONAL=0',
    );
    expect(step?.sql).toBe(
      "LOAD DATA LOCAL INFILE 'stage://samples/e.jsonl' INTO TABLE `__sluice_r1_src` CHARACTER SET utf8mb4 " +
        "FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' IGNORE 0 LINES " +
        '(`x``y`, `v`)',
    );
    expect(step?.files?.[0]?.stream).toEqual({
      format: { kind: 'jsonl' },
      token: 'stage://samples/e.jsonl',
      columns: ['x`y', 'v'],
    });
  });

  const textCols = [
    { name: 'id', type: 'BIGINT' },
    { name: 'name', type: 'VARCHAR' },
  ];
  const wideStaging =
    'CREATE TABLE `__sluice_r1_src` (`id` BIGINT, `name` LONGTEXT) DEFAULT CHARACTER SET utf8mb4 ENGINE=Aria TRANSACTIONAL=0';

  it('stages MariaDB text as VARCHAR(255), with the statements that remake it as LONGTEXT', () => {
    const [staging, step] = load({ columns: textCols });
    expect(staging?.sql).toBe(
      'CREATE TABLE `__sluice_r1_src` (`id` BIGINT, `name` VARCHAR(255)) DEFAULT CHARACTER SET utf8mb4 ENGINE=Aria TRANSACTIONAL=0',
    );
    expect(step?.sql).toMatch(/ IGNORE 1 LINES \(`id`, `name`\)$/);
    expect(step?.widen).toEqual(['DROP TABLE `__sluice_r1_src`', wideStaging]);
    expect(step?.fallback?.before).toEqual(['TRUNCATE TABLE `__sluice_r1_src`']);
    expect(step?.fallback?.sql).toMatch(
      / SET `id` = NULLIF\(@v1, ''\), `name` = NULLIF\(@v2, ''\)$/,
    );
  });

  it('stages text of any length where a row has no room for bounded text', () => {
    const columns = Array.from({ length: 63 }, (_, i) => ({
      name: `c${String(i)}`,
      type: 'VARCHAR',
    }));
    const [staging, step] = load({ columns });
    expect(staging?.sql).toContain('`c62` LONGTEXT)');
    expect(staging?.sql).not.toContain('VARCHAR');
    expect(step?.widen).toBeUndefined();
  });

  it('stages text of any length on MySQL, which has no bounded staging text', () => {
    const doc = flow(
      [
        stage('src', 'file-source', { columns: textCols }),
        stage('d', 'table-destination', { table: 'a' }),
      ],
      ['src->d'],
    );
    const { plan: compiled } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: { dialect: 'mysql', product: 'MySQL', version: '8.0.36' },
      runTag: 'r1',
      resolveFile: (ref) => `/files/${ref.externalStage}/${ref.path}`,
      existingTables: [{ name: 'a' }],
    });
    const steps = compiled?.steps.filter((s) => s.stageId === 'src') ?? [];
    expect(steps[0]?.sql).toBe(
      'CREATE TABLE `__sluice_r1_src` (`id` BIGINT, `name` LONGTEXT) DEFAULT CHARACTER SET utf8mb4',
    );
    expect(steps[1]?.widen).toBeUndefined();
  });

  it("makes a new table from a query with LONGTEXT text columns, in the query's column order", () => {
    const doc = flow(
      [
        stage('src', 'file-source', { columns: textCols }),
        stage('f', 'filter', { condition: 'id > 1' }),
        stage('d', 'table-destination', { table: 'n', mode: 'overwrite' }),
      ],
      ['src->f', 'f->d'],
    );
    const write = plan(doc, []).steps.find((s) => s.id === 'write:d');
    expect(write?.sql).toBe(
      'CREATE TABLE `__sluice_r1_d_new` (`name` LONGTEXT) AS SELECT * FROM `__sluice_r1_f`',
    );
  });

  it('types VARCHAR as LONGTEXT so values are never cut', () => {
    expect(mysql.columnType('VARCHAR')).toBe('LONGTEXT');
    expect(mysql.columnType('TIMESTAMP')).toBe('DATETIME(6)');
  });
});

describe('mysql writes', () => {
  const doc = flow(
    [
      stage('src', 'file-source', { columns: idCols }),
      stage('f', 'filter', { condition: 'id > 1' }),
      stage('app', 'table-destination', { table: 'a', mode: 'append', createIfMissing: false }),
      stage('ovr', 'table-destination', { table: 'o', schema: 'db', mode: 'overwrite' }),
      stage('new', 'table-destination', { table: 'n', mode: 'append' }),
      stage('out', 'file-export', { format: 'jsonl', path: 'o.jsonl' }),
    ],
    ['src->f', 'f->app', 'f->ovr', 'f->new', 'f->out'],
  );

  it('orders a mixed append and overwrite run: autocommit work, one swap, appends in the transaction', () => {
    const compiled = plan(doc, [{ name: 'a' }, { schema: 'db', name: 'o' }]);
    expect(compiled.steps.map((s) => [s.id, s.phase, s.inTransaction, s.sql])).toEqual([
      ['staging:src', 'load', false, expect.stringMatching(/^CREATE TABLE/)],
      ['load:src', 'load', false, expect.stringMatching(/^LOAD DATA LOCAL INFILE/)],
      [
        'transform:f',
        'transform',
        false,
        'CREATE VIEW `__sluice_r1_f` AS SELECT * FROM `__sluice_r1_src` WHERE (id > 1)',
      ],
      ['check:app', 'write', false, 'SELECT * FROM `a` LIMIT 0'],
      [
        'write:ovr',
        'write',
        false,
        'CREATE TABLE `db`.`__sluice_r1_ovr_new` AS SELECT * FROM `__sluice_r1_f`',
      ],
      [
        'write:new',
        'write',
        false,
        'CREATE TABLE `__sluice_r1_new_new` AS SELECT * FROM `__sluice_r1_f`',
      ],
      ['export:out', 'export', false, 'SELECT * FROM `__sluice_r1_f`'],
      [
        'swap',
        'swap',
        false,
        'RENAME TABLE `db`.`o` TO `db`.`__sluice_r1_ovr_old`, `db`.`__sluice_r1_ovr_new` TO `db`.`o`, `__sluice_r1_new_new` TO `n`',
      ],
      [
        'write:app',
        'commit',
        true,
        'INSERT INTO `a` (`id`, `ok`) SELECT `id`, `ok` FROM `__sluice_r1_f`',
      ],
    ]);
    expect(compiled.steps.find((s) => s.id === 'swap')?.undo).toEqual([
      'RENAME TABLE `db`.`o` TO `db`.`__sluice_r1_ovr_trash`, `db`.`__sluice_r1_ovr_old` TO `db`.`o`, `n` TO `__sluice_r1_new_trash`',
    ]);
    expect(compiled.cleanup.map((s) => [s.sql, s.inTransaction])).toEqual([
      ['DROP VIEW IF EXISTS `__sluice_r1_f`', false],
      ['DROP TABLE IF EXISTS `__sluice_r1_src`', false],
      ['DROP TABLE IF EXISTS `db`.`__sluice_r1_ovr_new`', false],
      ['DROP TABLE IF EXISTS `db`.`__sluice_r1_ovr_old`', false],
      ['DROP TABLE IF EXISTS `db`.`__sluice_r1_ovr_trash`', false],
      ['DROP TABLE IF EXISTS `__sluice_r1_new_new`', false],
      ['DROP TABLE IF EXISTS `__sluice_r1_new_trash`', false],
    ]);
    expect(compiled.destinations).toEqual([
      { name: 'a' },
      { schema: 'db', name: 'o' },
      { name: 'n' },
    ]);
    expect(compiled.steps.find((s) => s.id === 'export:out')?.files).toEqual([
      {
        ref: { externalStage: 'exports', path: 'o.jsonl' },
        mode: 'write',
        local: '/files/exports/o.jsonl',
        temp: '/files/exports/o.jsonl.sluice-r1-out.tmp',
        stream: { format: { kind: 'jsonl' } },
      },
    ]);
  });

  it('assumes destinations exist when it is not told (previews)', () => {
    const { plan: preview } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: MARIADB,
      runTag: 'p',
    });
    expect(preview?.steps.filter((s) => s.phase === 'commit').map((s) => s.id)).toEqual([
      'write:app',
      'write:new',
    ]);
    expect(preview?.steps.find((s) => s.id === 'swap')?.sql).toBe(
      'RENAME TABLE `db`.`o` TO `db`.`__sluice_p_ovr_old`, `db`.`__sluice_p_ovr_new` TO `db`.`o`',
    );
  });

  it('inserts every column when the input columns are unknown', () => {
    const detected = flow(
      [stage('src', 'file-source'), stage('app', 'table-destination', { table: 'a' })],
      ['src->app'],
    );
    expect(plan(detected).steps.map((s) => s.sql)).toEqual([
      "CREATE TABLE `__sluice_r1_src` (/* the file's columns, detected when the flow runs */) DEFAULT CHARACTER SET utf8mb4 ENGINE=Aria TRANSACTIONAL=0",
      expect.stringMatching(/IGNORE 1 LINES$/),
      'INSERT INTO `a` SELECT * FROM `__sluice_r1_src`',
    ]);
  });

  it('shortens names past 64 characters the same way every time', () => {
    const id = 's'.repeat(60);
    const long = flow(
      [
        stage(id, 'file-source', { columns: idCols }),
        stage('o', 'table-destination', { table: 't', mode: 'overwrite' }),
      ],
      [`${id}->o`],
    );
    const names = plan(long).staging;
    expect(names.every((n) => [...n].length <= 64)).toBe(true);
    expect(names[0]).toMatch(/^__sluice_r1_s+_[0-9a-f]{8}$/);
    expect(plan(long).staging).toEqual(names);
  });
});

describe('mysql sort and limit', () => {
  it('places NULLs with IS NULL, which MySQL and MariaDB sort by, and limits with OFFSET', () => {
    const steps = plan(sortedTopFlow(), [{ name: 'top' }]).steps;
    expect(steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
      'CREATE VIEW `__sluice_r1_sort` AS SELECT * FROM `__sluice_r1_src` ORDER BY `amount` IS NULL ASC, `amount` DESC, `customer` IS NULL DESC, `customer` ASC',
      'CREATE VIEW `__sluice_r1_top` AS SELECT * FROM `__sluice_r1_sort` LIMIT 2 OFFSET 1',
    ]);
  });
});

describe('mysql target diagnostics', () => {
  it.each([
    ['a named bzip2', { compression: 'bzip2' }, 'bzip2'],
    ['an .lz4 extension read as it says', { path: 'o.csv.lz4' }, 'LZ4'],
  ])('refuses %s on the compression field, since Sluice unpacks only gzip', (_, config, name) => {
    const doc = flow(
      [
        stage('src', 'file-source', { ...config, columns: idCols }),
        stage('d', 'table-destination'),
      ],
      ['src->d'],
    );
    const { diagnostics } = compileFlow(analyzeFlow(doc), { target: MARIADB, runTag: 'r1' });
    expect(diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        'unsupported-on-target',
        ['compression'],
        `Reading a ${name} file needs MatrixOne; this server is MariaDB 10.11.6. Compress the file with gzip, or not at all.`,
      ],
    ]);
  });

  it('refuses Parquet in and out on the format field', () => {
    const doc = flow(
      [
        stage('src', 'file-source', { format: 'parquet', columns: idCols }),
        stage('out', 'file-export', { format: 'parquet', path: 'out.parquet' }),
      ],
      ['src->out'],
    );
    const { plan: none, diagnostics } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: MARIADB,
      runTag: 'r1',
    });
    expect(none).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path, d.message])).toEqual([
      [
        'unsupported-on-target',
        'src',
        ['format'],
        'Reading Parquet files needs DuckDB or MatrixOne; this server is MariaDB 10.11.6. Convert the file to CSV or JSON lines.',
      ],
      [
        'unsupported-on-target',
        'out',
        ['format'],
        'Parquet export needs DuckDB or MatrixOne 4.0; this server is MariaDB 10.11.6. Export CSV or JSON lines.',
      ],
    ]);
  });
});

describe('user SQL on the MySQL family', () => {
  it('refuses a condition whose backslash-escaped quote would end the view early', () => {
    const payload = "name = '\\' AND name = ') UNION SELECT user FROM mysql.user #'";
    const doc = flow(
      [
        stage('src', 'file-source', { columns: idCols }),
        stage('f', 'filter', { condition: payload }),
        stage('d', 'table-destination', { table: 'a' }),
      ],
      ['src->f', 'f->d'],
    );
    const { plan: none, diagnostics } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: MARIADB,
      runTag: 'r1',
    });
    expect(none).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.stageId, d.path])).toEqual([
      ['invalid-sql', 'error', 'f', ['condition']],
    ]);
    expect(diagnostics[0]?.message).toContain(
      'a backslash inside quotes escapes the next character',
    );
  });
});

describe('mysql joins', () => {
  it('warns on the kind that a full join, a union here, writes BOOLEAN columns as numbers', () => {
    const warnings = (kind: Parameters<typeof joinFlow>[0]) =>
      compileFlow(analyzeFlow(joinFlow(kind)), {
        stageEach: true,
        target: MARIADB,
        runTag: 'r1',
        existingTables: [{ name: 'joined' }],
      }).diagnostics.map((d) => [d.code, d.stageId, d.path, d.message]);
    expect(warnings('left')).toEqual([]);
    expect(warnings('full')).toEqual([
      [
        'ignored-on-target',
        'j',
        ['kind'],
        'MariaDB 10.11.6 cannot honour the BOOLEAN type of "vip" through a full join: it is written there as a union, which makes true and false the numbers 1 and 0.',
      ],
    ]);
  });

  const joinSql = (kind: Parameters<typeof joinFlow>[0]) =>
    plan(joinFlow(kind), [{ name: 'joined' }]).steps.find((s) => s.id === 'transform:j')?.sql;

  it('writes a left join with every column listed and the shared key read from the left', () => {
    expect(joinSql('left')).toBe(
      'CREATE VIEW `__sluice_r1_j` AS SELECT `l`.`id` AS `left_id`, `l`.`customer` AS `customer`, `l`.`amount` AS `amount`, `r`.`id` AS `right_id`, `r`.`country` AS `country`, `r`.`vip` AS `vip` FROM `__sluice_r1_orders` AS `l` LEFT JOIN `__sluice_r1_customers` AS `r` ON `l`.`customer` = `r`.`customer`',
    );
    expect(joinSql('right')).toContain(
      'SELECT `l`.`id` AS `left_id`, `r`.`customer` AS `customer`, ',
    );
  });

  it('writes a full join, which MySQL and MariaDB lack, as the left join plus the right rows with no match', () => {
    expect(joinSql('full')).toBe(
      'CREATE VIEW `__sluice_r1_j` AS SELECT * FROM (' +
        'SELECT `l`.`id` AS `left_id`, `l`.`customer` AS `customer`, `l`.`amount` AS `amount`, `r`.`id` AS `right_id`, `r`.`country` AS `country`, `r`.`vip` AS `vip` FROM `__sluice_r1_orders` AS `l` LEFT JOIN `__sluice_r1_customers` AS `r` ON `l`.`customer` = `r`.`customer`' +
        ' UNION ALL ' +
        'SELECT `l`.`id` AS `left_id`, `r`.`customer` AS `customer`, `l`.`amount` AS `amount`, `r`.`id` AS `right_id`, `r`.`country` AS `country`, `r`.`vip` AS `vip` FROM `__sluice_r1_orders` AS `l` RIGHT JOIN `__sluice_r1_customers` AS `r` ON `l`.`customer` = `r`.`customer` WHERE `l`.`customer` IS NULL' +
        ') AS `__sluice_join`',
    );
  });
});

describe('mysql aggregate and union', () => {
  const views = (doc: FlowDocument, table: string) =>
    plan(doc, [{ name: table }])
      .steps.filter((s) => s.phase === 'transform')
      .map((s) => s.sql);

  it('averages over DOUBLE and casts sums of whole numbers to one DECIMAL, as DuckDB does', () => {
    // MySQL's AVG of an INT is DECIMAL rounded to 4 places, its SUM of an INT a DECIMAL(n, 0).
    expect(views(perCountryFlow(), 'per_country')).toEqual([
      'CREATE VIEW `__sluice_r1_agg` AS SELECT `country`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers`, CAST(sum(`qty`) AS DECIMAL(38, 0)) AS `units`, sum(`amount`) AS `revenue`, avg(CAST(`qty` AS DOUBLE)) AS `mean_qty`, min(`amount`) AS `smallest`, max(`customer`) AS `last` FROM `__sluice_r1_src` GROUP BY `country`',
    ]);
  });

  it('warns that BOOLEAN columns come out of a union as 1 and 0', () => {
    const source = (id: string) => stage(id, 'file-source', { path: `${id}.csv`, columns: idCols });
    const { plan: compiled, diagnostics } = compileFlow(
      analyzeFlow(unionFlow(source('jan'), source('feb'))),
      { stageEach: true, target: MARIADB, runTag: 'r1', existingTables: [{ name: 'orders' }] },
    );
    expect(compiled).toBeDefined();
    expect(diagnostics.map((d) => [d.severity, d.stageId, d.path, d.message])).toEqual([
      [
        'warning',
        'both',
        ['by'],
        'MariaDB 10.11.6 cannot honour BOOLEAN columns through a union ("ok"): they come out as the numbers 1 and 0.',
      ],
    ]);
  });

  it("lists both inputs' columns in the first input's order, since MySQL has no UNION BY NAME", () => {
    const list = '`id` AS `id`, `customer` AS `customer`, `qty` AS `qty`';
    expect(views(twoMonthsFlow('distinct'), 'orders')).toEqual([
      `CREATE VIEW \`__sluice_r1_both\` AS SELECT * FROM (SELECT ${list} FROM \`__sluice_r1_jan\` UNION SELECT ${list} FROM \`__sluice_r1_feb\`) AS \`__sluice_in\``,
    ]);
  });
});

describe('mysql deduplicate', () => {
  it('numbers rows per key with ROW_NUMBER() and lists the columns to drop the number again', () => {
    const steps = plan(dedupedFlow('last'), [{ name: 'deduped' }]).steps;
    expect(steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
      'CREATE VIEW `__sluice_r1_dedupe` AS SELECT `id`, `customer`, `amount` FROM (SELECT `id`, `customer`, `amount`, ROW_NUMBER() OVER (PARTITION BY `customer` ORDER BY `amount` IS NULL DESC, `amount` ASC, `id` IS NULL ASC, `id` DESC) AS `__sluice_row` FROM `__sluice_r1_src`) AS `__sluice_in` WHERE `__sluice_row` = 1',
    ]);
  });

  it('refuses on the keys field to deduplicate rows whose columns are unknown until the run', () => {
    const doc = flow(
      [
        stage('src', 'file-source'),
        stage('dedupe', 'deduplicate', { keys: ['id'] }),
        stage('dest', 'table-destination', { table: 'a' }),
      ],
      ['src->dedupe', 'dedupe->dest'],
    );
    const { diagnostics } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target: MARIADB,
      runTag: 'r1',
    });
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path, d.message])).toEqual([
      [
        'unsupported-on-target',
        'dedupe',
        ['keys'],
        'Deduplicating rows whose columns are only known when the flow runs needs DuckDB; this server is MariaDB 10.11.6. Give every column of the stage before it a name (in a SQL transform, with AS).',
      ],
    ]);
  });
});

describe('mysql SQL transform', () => {
  it('names each input by its port in a WITH query ahead of the SELECT', () => {
    const steps = plan(transformFlow(REVENUE_SQL), [{ name: 'report' }]).steps;
    expect(steps.find((s) => s.stageId === 'sql')?.sql).toBe(
      `CREATE VIEW \`__sluice_r1_sql\` AS WITH \`a\` AS (SELECT * FROM \`__sluice_r1_orders\`), \`b\` AS (SELECT * FROM \`__sluice_r1_customers\`) ${REVENUE_SQL}`,
    );
  });

  it('keeps RECURSIVE at the head of the WITH list it joins', () => {
    const sql =
      'WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT a.id FROM a JOIN n ON a.id = n.i';
    const steps = plan(transformFlow(sql, 'a'), [{ name: 'report' }]).steps;
    expect(steps.find((s) => s.stageId === 'sql')?.sql).toBe(
      'CREATE VIEW `__sluice_r1_sql` AS WITH RECURSIVE `a` AS (SELECT * FROM `__sluice_r1_orders`), n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT a.id FROM a JOIN n ON a.id = n.i',
    );
  });
});

describe('mysql derive and cast', () => {
  const views = (onError: 'fail' | 'null') =>
    plan(castDeriveFlow(onError), [{ name: 'typed' }])
      .steps.filter((s) => s.phase === 'transform')
      .map((s) => s.sql);

  it('checks each value before its CAST, and fails on a bad one by a BIGINT overflow naming it', () => {
    const failure = (column: string, type: string, text: string) =>
      `9223372036854775807 + LENGTH(CONCAT('Cast of column "${column}" to ${type} failed on the value: ', ${text}))`;
    expect(views('fail')[0]).toBe(
      'CREATE VIEW `__sluice_r1_cast` AS SELECT ' +
        "CASE WHEN `qty` IS NULL THEN NULL WHEN CASE WHEN `qty` REGEXP '(?-i)^ *[+-]?0*[0-9]{1,19}([.]0*)? *\\\\z' " +
        'THEN CAST(TRIM(`qty`) AS DECIMAL(20,0)) BETWEEN -2147483648 AND 2147483647 ELSE FALSE END ' +
        `THEN CAST(CAST(TRIM(\`qty\`) AS DECIMAL(20,0)) AS SIGNED) ELSE CAST(${failure('qty', 'integer', '`qty`')} AS SIGNED) END AS \`qty\`, ` +
        'CASE WHEN `price` IS NULL THEN NULL WHEN `price` > -99999999.995 AND `price` < 99999999.995 ' +
        `THEN CAST(\`price\` AS DECIMAL(10,2)) ELSE CAST(${failure('price', 'decimal(10, 2)', 'CAST(`price` AS CHAR CHARACTER SET utf8mb4)')} AS DECIMAL(10,2)) END AS \`price\`, ` +
        "CASE WHEN `paid` IS NULL THEN NULL WHEN LOWER(TRIM(`paid`)) REGEXP '(?-i)^(true|t|yes|y|1|false|f|no|n|0)\\\\z' " +
        `THEN LOWER(TRIM(\`paid\`)) IN ('true', 't', 'yes', 'y', '1') ELSE (${failure('paid', 'boolean', '`paid`')}) <> 0 END AS \`paid\`, ` +
        'CAST(`placed` AS CHAR CHARACTER SET utf8mb4) AS `placed` FROM `__sluice_r1_src`',
    );
  });

  it('writes NULL for a bad value when asked, and derives over the cast columns in place', () => {
    const [cast, derive] = views('null');
    expect(cast).not.toContain('9223372036854775807');
    expect(cast).toContain('ELSE NULL END AS `qty`');
    expect(derive).toMatch(
      /^CREATE VIEW `__sluice_r1_derive` AS SELECT `qty`, `price`, `paid`, `placed`, CASE WHEN `total` IS NULL THEN NULL .* AS `total` FROM \(SELECT \(qty \+ 1\) AS `qty`, `price` AS `price`, `paid` AS `paid`, `placed` AS `placed`, \(qty \* price\) AS `total` FROM `__sluice_r1_cast`\) AS `__sluice_in`$/,
    );
  });

  it('writes a timestamp as text with its fraction, trailing zeros dropped, as DuckDB does', () => {
    expect(mysql.timestampText('`t`')).toBe(
      "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM DATE_FORMAT(`t`, '%Y-%m-%d %H:%i:%s.%f')))",
    );
  });
});

describe('mysql file loads straight into an overwrite', () => {
  const source = stage('src', 'file-source', { columns: idCols, path: 'in.csv' });
  /** A run's plan (nothing staged on its own) of `src` into table `a` and, optionally, `b`. */
  const runPlan = (
    mode: string,
    { definition, twice = false }: { definition?: boolean; twice?: boolean } = {},
  ) => {
    const dests = [stage('d', 'table-destination', { table: 'a', mode })];
    if (twice) dests.push(stage('e', 'table-destination', { table: 'b', mode }));
    const doc = flow(
      [source, ...dests],
      dests.map((d) => `src->${d.id}`),
    );
    const { plan: compiled } = compileFlow(analyzeFlow(doc), {
      target: MARIADB,
      runTag: 'r1',
      resolveFile: (ref) => `/files/${ref.externalStage}/${ref.path}`,
      existingTables: [{ name: 'a' }],
      tableDefinitions: definition
        ? [
            {
              table: { name: 'a' },
              columns: [...idCols, { name: 'more', type: 'VARCHAR' }],
              uniqueKeys: [],
            },
          ]
        : [],
    });
    if (!compiled) throw new Error('The flow did not compile.');
    return compiled;
  };
  /** The LOAD a staged file runs (an append stages it), into `table` instead. */
  const loadInto = (table: string) => {
    const staged = runPlan('append').steps.find((s) => s.id === 'load:src')?.sql ?? '';
    expect(staged).toContain('INTO TABLE `__sluice_r1_src` CHARACTER SET utf8mb4');
    return staged.replace('`__sluice_r1_src`', `\`${table}\``);
  };

  it('loads the file into the new table on the default engine: no staging, the rows moved once', () => {
    const compiled = runPlan('overwrite');
    expect(compiled.steps.map((s) => [s.id, s.sql])).toEqual([
      [
        'create:d',
        'CREATE TABLE `__sluice_r1_d_new` (`id` BIGINT, `ok` BOOLEAN) DEFAULT CHARACTER SET utf8mb4',
      ],
      ['write:d', loadInto('__sluice_r1_d_new')],
      ['swap', 'RENAME TABLE `a` TO `__sluice_r1_d_old`, `__sluice_r1_d_new` TO `a`'],
    ]);
    const write = compiled.steps[1];
    // The file source reports the rows loaded and owns an error about its file.
    expect(write?.inlined).toEqual([{ stageId: 'src', rows: 'same' }]);
    expect(write?.files?.map((f) => f.stageId)).toEqual(['src']);
    expect(compiled.staging).toEqual([
      '__sluice_r1_d_new',
      '__sluice_r1_d_old',
      '__sluice_r1_d_trash',
    ]);
    expect(compiled.tableTotals).toEqual([{ stageId: 'd' }]);
  });

  it('keeps the table definition when the table takes the file columns', () => {
    const [create, write] = runPlan('overwrite', { definition: true }).steps;
    expect(create?.sql).toBe('CREATE TABLE `__sluice_r1_d_new` LIKE `a`');
    expect(write?.sql).toBe(loadInto('__sluice_r1_d_new'));
  });

  it('stages the file for an append, and for a file two stages read', () => {
    const staged = (compiled: Plan) =>
      compiled.steps.filter((s) => s.stageId === 'src').map((s) => s.id);
    expect(staged(runPlan('append'))).toEqual(['staging:src', 'load:src']);
    expect(staged(runPlan('overwrite', { twice: true }))).toEqual(['staging:src', 'load:src']);
  });
});
