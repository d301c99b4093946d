import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import type { TableRef } from '@sluice/stages';

import type { Plan } from '../src';
import { analyzeFlow, compileFlow, getDialect } from '../src';
import { castDeriveFlow, flow, MARIADB, sortedTopFlow, stage } from './build-flow';

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
        'CREATE TABLE `__sluice_r1_src` (`id` BIGINT, `ok` BOOLEAN) DEFAULT CHARACTER SET utf8mb4',
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

  it('loads TSV with a tab and a backslash escape', () => {
    const [, step] = load({
      format: 'tsv',
      escape: '\\',
      header: false,
      columns: [{ name: 'n', type: 'INTEGER' }],
    });
    expect(step?.sql).toBe(
      "LOAD DATA LOCAL INFILE 'stage://samples/orders.csv' INTO TABLE `__sluice_r1_src` CHARACTER SET utf8mb4 " +
        `FIELDS TERMINATED BY '\\t' OPTIONALLY ENCLOSED BY '"' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' IGNORE 0 LINES ` +
        "(@v1) SET `n` = NULLIF(@v1, '')",
    );
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
      'CREATE TABLE `__sluice_r1_src` (`x``y` DATETIME(6), `v` DECIMAL(38,10)) DEFAULT CHARACTER SET utf8mb4',
    );
    expect(step?.sql).toBe(
      "LOAD DATA LOCAL INFILE 'stage://samples/e.jsonl' INTO TABLE `__sluice_r1_src` CHARACTER SET utf8mb4 " +
        "FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' IGNORE 0 LINES " +
        '(@v1, @v2) SET `x``y` = @v1, `v` = @v2',
    );
    expect(step?.files?.[0]?.stream).toEqual({
      format: { kind: 'jsonl' },
      token: 'stage://samples/e.jsonl',
      columns: ['x`y', 'v'],
    });
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
    const { plan: preview } = compileFlow(analyzeFlow(doc), { target: MARIADB, runTag: 'p' });
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
      "CREATE TABLE `__sluice_r1_src` (/* the file's columns, detected when the flow runs */) DEFAULT CHARACTER SET utf8mb4",
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
  it('refuses Parquet in and out on the format field', () => {
    const doc = flow(
      [
        stage('src', 'file-source', { format: 'parquet', columns: idCols }),
        stage('out', 'file-export', { format: 'parquet', path: 'out.parquet' }),
      ],
      ['src->out'],
    );
    const { plan: none, diagnostics } = compileFlow(analyzeFlow(doc), {
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
