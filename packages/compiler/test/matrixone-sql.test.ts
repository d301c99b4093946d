import { describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow, getDialect } from '../src';
import {
  castDeriveFlow,
  dedupedFlow,
  DUCKDB,
  flow,
  joinFlow,
  MARIADB,
  MATRIXONE_3,
  MATRIXONE_4,
  perCountryFlow,
  REVENUE_SQL,
  sortedTopFlow,
  stage,
  transformFlow,
  twoMonthsFlow,
} from './build-flow';

/**
 * Golden SQL of every MatrixOne statement form the compiler writes. Each case cites the
 * MatrixOne source it follows (repository matrixorigin/matrixone: the grammar
 * `pkg/sql/parsers/dialect/mysql/mysql_sql.y`, the load and export code, and the regression
 * cases under `test/distributed/cases/`) and the section of /work/shared/sql-reference.md. No
 * MatrixOne server runs here, so these strings are the proof.
 */
const matrixone = getDialect('matrixone');
const cols = [
  { name: 'id', type: 'BIGINT' },
  { name: 'ts', type: 'TIMESTAMP' },
] as const;

function compile(
  target: TargetProfile,
  stages: Parameters<typeof flow>[0],
  links: string[],
  existingTables?: { schema?: string; name: string }[],
) {
  return compileFlow(analyzeFlow(flow(stages, links)), {
    stageEach: true,
    target,
    runTag: 'r1',
    // MatrixOne resolves stage:// itself: a resolver giving local paths must not leak in.
    resolveFile: (ref) => `/local/${ref.path}`,
    ...(existingTables ? { existingTables } : {}),
  });
}

function stepsOf(target: TargetProfile, config: Record<string, unknown>, stageId = 'src') {
  const { plan, diagnostics } = compile(
    target,
    [stage('src', 'file-source', config), stage('d', 'table-destination', { table: 't' })],
    ['src->d'],
    [{ name: 't' }],
  );
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan.steps.filter((s) => s.stageId === stageId);
}

describe('matrixone quoting (§0)', () => {
  it.each([
    [`it's`, `'it''s'`],
    ['back\\slash', `'back\\\\slash'`],
    ['東京\t🚀', `'東京\\t🚀'`],
  ])('escapes %j as MySQL does', (value, expected) => {
    expect(matrixone.literal(value)).toBe(expected);
  });

  it('backquotes identifiers', () => {
    expect(matrixone.quoteIdentifier('a`b')).toBe('`a``b`');
  });
});

describe('matrixone loads', () => {
  // `load_data_stmt`; `load_data/load_data_set_null.sql` (SET col = nullif(col, '…')) and
  // `stage/export_format.sql` (`load data infile 'stage://…' into table … fields terminated by
  // ',' ignore 1 lines`).
  it('loads CSV with FIELDS, LINES and IGNORE spelled out and nullif per column (§2.1, §2.4, §2.7)', () => {
    const steps = stepsOf(MATRIXONE_4, { columns: cols, skipLines: 1, nullString: 'NA' });
    expect(steps.map((s) => [s.id, s.phase, s.inTransaction, s.sql])).toEqual([
      [
        'staging:src',
        'load',
        true,
        'CREATE TABLE `__sluice_r1_src` (`id` BIGINT, `ts` DATETIME(6))',
      ],
      [
        'load:src',
        'load',
        true,
        "LOAD DATA INFILE 'stage://samples/orders.csv' INTO TABLE `__sluice_r1_src` " +
          `FIELDS TERMINATED BY ',' ENCLOSED BY '"' ESCAPED BY '' LINES TERMINATED BY '\\n' IGNORE 2 LINES ` +
          "SET `id` = nullif(`id`, 'NA'), `ts` = nullif(`ts`, 'NA')",
      ],
    ]);
    // §2.2: the database reads stage:// itself, so the plan carries no local path.
    expect(steps[1]?.files).toEqual([
      { ref: { externalStage: 'samples', path: 'orders.csv' }, mode: 'read' },
    ]);
  });

  it('loads TSV as CSV with a tab terminator and its own escape (§2.4: no tsv format)', () => {
    const [, load] = stepsOf(MATRIXONE_3, {
      format: 'tsv',
      escape: '\\',
      header: false,
      columns: cols,
    });
    expect(load?.sql).toBe(
      "LOAD DATA INFILE 'stage://samples/orders.csv' INTO TABLE `__sluice_r1_src` " +
        `FIELDS TERMINATED BY '\\t' ENCLOSED BY '"' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' IGNORE 0 LINES ` +
        "SET `id` = nullif(`id`, ''), `ts` = nullif(`ts`, '')",
    );
  });

  // `load_data/load_data_jsonline.sql`: `load data infile {'filepath'='…','format'='jsonline',
  // 'jsondata'='object'} into table t1`.
  it('loads JSON lines with the brace form and jsondata object (§2.3, §2.5, §7.2)', () => {
    const [, load] = stepsOf(MATRIXONE_3, { format: 'jsonl', path: 'e.jsonl', columns: cols });
    expect(load?.sql).toBe(
      "LOAD DATA INFILE {'filepath'='stage://samples/e.jsonl', 'format'='jsonline', 'jsondata'='object'} INTO TABLE `__sluice_r1_src`",
    );
  });

  // `load_data/load_data_parquet.sql`: `load data infile {'filepath'='…', 'format'='parquet'}
  // into table …`, which takes no FIELDS, LINES or IGNORE.
  it('loads Parquet with the brace form and no FIELDS/LINES/IGNORE (§2.5, §7.2)', () => {
    const [, load] = stepsOf(MATRIXONE_4, {
      format: 'parquet',
      path: "d 'x'.parquet",
      columns: cols,
    });
    expect(load?.sql).toBe(
      "LOAD DATA INFILE {'filepath'='stage://samples/d ''x''.parquet', 'format'='parquet'} INTO TABLE `__sluice_r1_src`",
    );
  });

  it('refuses a "#" delimiter before 4.1, where it is the comment marker (§2.4)', () => {
    const { diagnostics } = compile(
      MATRIXONE_3,
      [stage('src', 'file-source', { delimiter: '#' }), stage('d', 'table-destination')],
      ['src->d'],
    );
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unsupported-on-target', 'src', ['delimiter']],
    ]);
  });

  it.each([
    ['4.0.0', true],
    ['4.1.0', false],
  ])(
    'on MatrixOne %s, JSON lines and Parquet from an S3 external stage are refused: %s (§2.2)',
    (version, refused) => {
      for (const format of ['jsonl', 'parquet'] as const) {
        const { diagnostics } = compileFlow(
          analyzeFlow(
            flow(
              [
                stage('src', 'file-source', { externalStage: 'lake', format, columns: cols }),
                stage('d', 'table-destination', { table: 't' }),
              ],
              ['src->d'],
            ),
          ),
          {
            stageEach: true,
            target: { ...MATRIXONE_4, version },
            runTag: 'r1',
            s3ExternalStages: ['lake'],
          },
        );
        const found = diagnostics.map((d) => [d.code, d.path, d.message]);
        expect(found).toEqual(
          refused
            ? [
                [
                  'unsupported-on-target',
                  ['format'],
                  `Loading ${format === 'jsonl' ? 'JSON lines' : 'Parquet'} from an S3 external stage needs MatrixOne 4.1.0; this server is MatrixOne ${version}. Load CSV from it, or the file from a file:// external stage.`,
                ],
              ]
            : [],
        );
      }
    },
  );

  // `load_data/load_data_jsonline.sql`: `{'filepath'='…_array.json.gz','format'='jsonline',
  // 'compression'='gzip','jsondata'='array'}`, whose lines are arrays of values
  // (`test/distributed/resources/load_data/jsonline_array.jl`: `[true,1,"var",…]`).
  it('loads lines of arrays gzip-compressed with jsondata array and compression (§2.3, §2.6)', () => {
    const [, load] = stepsOf(MATRIXONE_4, {
      format: 'jsonl',
      path: 'e.jsonl.gz',
      jsonRows: 'arrays',
      compression: 'gzip',
      columns: cols,
    });
    expect(load?.sql).toBe(
      "LOAD DATA INFILE {'filepath'='stage://samples/e.jsonl.gz', 'format'='jsonline', 'compression'='gzip', 'jsondata'='array'} INTO TABLE `__sluice_r1_src`",
    );
  });

  // `load_data/load_data.sql`: `load data local infile {"filepath"="…", "compression"='',
  // "format"='csv'} into table … fields terminated by ','`, and `{'filepath'='…csv.tar.gz',
  // 'compression'='tar.gz'}`: CSV with a named compression takes the brace form, FIELDS after.
  it('loads CSV with a named compression through the brace form, FIELDS and SET kept (§2.3, §2.6)', () => {
    const [, load] = stepsOf(MATRIXONE_3, {
      columns: cols,
      compression: 'bzip2',
      path: 'o.csv.bz2',
    });
    expect(load?.sql).toBe(
      "LOAD DATA INFILE {'filepath'='stage://samples/o.csv.bz2', 'format'='csv', 'compression'='bzip2'} INTO TABLE `__sluice_r1_src` " +
        `FIELDS TERMINATED BY ',' ENCLOSED BY '"' ESCAPED BY '' LINES TERMINATED BY '\\n' IGNORE 1 LINES ` +
        "SET `id` = nullif(`id`, ''), `ts` = nullif(`ts`, '')",
    );
  });

  // `InitStageS3Param` (`pkg/sql/plan/utils.go`) refuses a `compression` key for an S3 stage
  // ("the keyword 'compression' is not support"), so the stage's COMPRESSION decides there.
  it('refuses a named compression on a file in an S3 external stage, on the compression field (§2.2)', () => {
    const { diagnostics } = compileFlow(
      analyzeFlow(
        flow(
          [
            stage('src', 'file-source', {
              externalStage: 'lake',
              columns: cols,
              compression: 'gzip',
            }),
            stage('d', 'table-destination', { table: 't' }),
          ],
          ['src->d'],
        ),
      ),
      { target: MATRIXONE_4, runTag: 'r1', s3ExternalStages: ['lake'] },
    );
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['unsupported-on-target', ['compression']],
    ]);
  });

  // `load_data/load_data_zip_zstd.sql` (`'compression'='zstd'`) is a case of MatrixOne's main
  // branch only; the compression constants of the releases (`pkg/sql/parsers/tree/update.go`)
  // have no zstd.
  it.each([
    ['4.1.0', ['compression']],
    ['999.0.0', undefined],
  ])('on MatrixOne %s a Zstandard file is refused at %j', (version, path) => {
    const { diagnostics } = compile(
      { ...MATRIXONE_4, version },
      [
        stage('src', 'file-source', { columns: cols, path: 'o.csv.zst', compression: 'zstd' }),
        stage('d', 'table-destination', { table: 't' }),
      ],
      ['src->d'],
      [{ name: 't' }],
    );
    expect(diagnostics.map((d) => d.path)).toEqual(path ? [path] : []);
  });

  // `load_data_stmt` with `'format'='parquet'`; what the Parquet reader maps is in
  // `pkg/sql/colexec/external/parquet.go` (no TEXT or DECIMAL target and exact names before
  // 3.0.12; decimals rescaled from 4.2.0, matrixone#25473 / #26212).
  it.each([
    [
      '3.0.9',
      [
        ['misread-on-target', ['columns', 1, 'name']],
        ['unsupported-on-target', ['columns', 0, 'type']],
        ['unsupported-on-target', ['columns', 2, 'type']],
      ],
    ],
    ['4.1.0', [['misread-on-target', ['columns', 2, 'type']]]],
    ['4.2.0', []],
  ])('on MatrixOne %s, Parquet columns are checked against its reader', (version, expected) => {
    const columns = [
      { name: 'note', type: 'VARCHAR' },
      { name: 'UserId', type: 'BIGINT' },
      { name: 'price', type: 'DECIMAL' },
    ];
    const { diagnostics } = compile(
      { ...MATRIXONE_4, version },
      [
        stage('src', 'file-source', { format: 'parquet', path: 'p.parquet', columns }),
        stage('d', 'table-destination', { table: 't' }),
      ],
      ['src->d'],
      [{ name: 't' }],
    );
    expect(
      diagnostics
        .map((d) => [d.code, d.path])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(expected);
  });

  it('loads CSV from an S3 external stage on any version (§2.2)', () => {
    const { diagnostics, plan } = compileFlow(
      analyzeFlow(
        flow(
          [
            stage('src', 'file-source', { externalStage: 'lake', columns: cols }),
            stage('d', 'table-destination', { table: 't' }),
          ],
          ['src->d'],
        ),
      ),
      { stageEach: true, target: MATRIXONE_3, runTag: 'r1', s3ExternalStages: ['lake'] },
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.steps.map((s) => s.sql)).toContainEqual(
      expect.stringContaining("LOAD DATA INFILE 'stage://lake/orders.csv'"),
    );
  });
});

describe('matrixone sort and limit', () => {
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'orders with IS NULL keys and limits with OFFSET on $version (§3.1: SELECT … ORDER BY … LIMIT)',
    (target) => {
      const { plan, diagnostics } = compileFlow(analyzeFlow(sortedTopFlow()), {
        stageEach: true,
        target,
        runTag: 'r1',
        existingTables: [{ name: 'top' }],
      });
      expect(diagnostics).toEqual([]);
      expect(plan?.steps.filter((s) => s.phase === 'transform').map((s) => s.sql)).toEqual([
        'CREATE VIEW `__sluice_r1_sort` AS SELECT * FROM `__sluice_r1_src` ORDER BY `amount` IS NULL ASC, `amount` DESC, `customer` IS NULL DESC, `customer` ASC',
        'CREATE VIEW `__sluice_r1_top` AS SELECT * FROM `__sluice_r1_sort` LIMIT 2 OFFSET 1',
      ]);
    },
  );
});

describe('matrixone writes (§6: everything inside the transaction)', () => {
  const writes = (target: TargetProfile, existing?: { schema?: string; name: string }[]) => {
    const { plan, diagnostics } = compile(
      target,
      [
        stage('src', 'file-source', { columns: cols }),
        stage('app', 'table-destination', { table: 'a', mode: 'append' }),
        stage('ovr', 'table-destination', {
          table: 'o',
          schema: 'db',
          mode: 'overwrite',
          createIfMissing: false,
        }),
      ],
      ['src->app', 'src->ovr'],
      existing,
    );
    if (!plan) throw new Error(JSON.stringify(diagnostics));
    return plan;
  };

  it('appends with a column list and overwrites with DROP + CREATE TABLE … AS SELECT (§6, 3.0.7+)', () => {
    const plan = writes(MATRIXONE_3, [{ name: 'a' }, { schema: 'db', name: 'o' }]);
    expect(
      plan.steps.filter((s) => s.phase === 'write').map((s) => [s.id, s.inTransaction, s.sql]),
    ).toEqual([
      ['write:app', true, 'INSERT INTO `a` (`id`, `ts`) SELECT `id`, `ts` FROM `__sluice_r1_src`'],
      ['check:ovr', true, 'SELECT * FROM `db`.`o` LIMIT 0'],
      ['drop:ovr', true, 'DROP TABLE IF EXISTS `db`.`o`'],
      ['write:ovr', true, 'CREATE TABLE `db`.`o` AS SELECT * FROM `__sluice_r1_src`'],
    ]);
    expect(plan.steps.every((s) => s.inTransaction)).toBe(true);
    expect(plan.steps.some((s) => s.phase === 'swap' || s.phase === 'commit')).toBe(false);
    expect(plan.cleanup.map((s) => s.sql)).toEqual(['DROP TABLE IF EXISTS `__sluice_r1_src`']);
  });

  it('creates a missing append destination from the input shape first (§6)', () => {
    const plan = writes(MATRIXONE_4);
    expect(plan.steps.filter((s) => s.stageId === 'app').map((s) => s.sql)).toEqual([
      'CREATE TABLE IF NOT EXISTS `a` AS SELECT * FROM `__sluice_r1_src` LIMIT 0',
      'INSERT INTO `a` (`id`, `ts`) SELECT `id`, `ts` FROM `__sluice_r1_src`',
    ]);
  });

  it('refuses CREATE TABLE … AS SELECT before 3.0.7, where it cannot run in a transaction (§6)', () => {
    const old = { ...MATRIXONE_3, version: '3.0.6' };
    const { plan, diagnostics } = compile(
      old,
      [
        stage('src', 'file-source', { columns: cols }),
        stage('app', 'table-destination', { table: 'a', mode: 'append' }),
        stage('ovr', 'table-destination', { table: 'o', mode: 'overwrite' }),
      ],
      ['src->app', 'src->ovr'],
    );
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => [d.stageId, d.path, d.message])).toEqual([
      [
        'app',
        ['createIfMissing'],
        'Creating a missing table needs MatrixOne 3.0.7; this server is MatrixOne 3.0.6. Create the table first and turn this option off.',
      ],
      [
        'ovr',
        ['mode'],
        'Overwriting a table needs MatrixOne 3.0.7; this server is MatrixOne 3.0.6. Use append mode.',
      ],
    ]);
  });
});

describe('matrixone exports', () => {
  const exportOf = (target: TargetProfile, config: Record<string, unknown>) => {
    const result = compile(
      target,
      [stage('src', 'file-source', { columns: cols }), stage('out', 'file-export', config)],
      ['src->out'],
    );
    return {
      step: result.plan?.steps.find((s) => s.id === 'export:out'),
      diagnostics: result.diagnostics,
    };
  };
  const csv = { nullString: '\\N', path: 'out/x.csv' };
  const fileExists = (version: string) =>
    `MatrixOne ${version} cannot honour replacing an existing file: the export fails when the file already exists, so give each run a new path or remove the old file first.`;

  // `export_data_param_opt` up to 3.x: `INTO OUTFILE 'path' FIELDS … LINES … HEADER …`, as in
  // `stage/stage.sql`'s `select * from stage_table into outfile 'stage://…'`.
  it('writes CSV on 3.x without FORMAT, clauses in fixed order, explicit HEADER (§3.1, §3.2)', () => {
    const { step, diagnostics } = exportOf(MATRIXONE_3, { ...csv, delimiter: '|', header: false });
    expect(diagnostics.map((d) => d.code)).toEqual(['ignored-on-target', 'ignored-on-target']);
    expect(step).toEqual({
      id: 'export:out',
      stageId: 'out',
      phase: 'export',
      sql:
        "SELECT * FROM `__sluice_r1_src` INTO OUTFILE 'stage://exports/out/x.csv' " +
        `FIELDS TERMINATED BY '|' ENCLOSED BY '"' LINES TERMINATED BY '\\n' HEADER 'FALSE'`,
      inTransaction: true,
      rowCountSql: 'SELECT count(*) FROM `__sluice_r1_src`',
      rowsFrom: 'count',
      files: [{ ref: { externalStage: 'exports', path: 'out/x.csv' }, mode: 'write' }],
    });
  });

  // `select_into_param_opt` from 4.0: `stage/export_format.sql` (`… into outfile
  // 'stage://export_test_stage/test_csv_all_opts.csv' format 'csv' fields terminated by '|'
  // enclosed by '"' lines terminated by '\n' header 'true'`); the undo is
  // `stage/remove_stage_files.sql`'s `remove files from stage if exists 'stage://…'`.
  it('writes CSV on 4.x with FORMAT and an undo that removes the file (§3.1, §1.1)', () => {
    const { step } = exportOf(MATRIXONE_4, csv);
    expect(step?.sql).toBe(
      "SELECT * FROM `__sluice_r1_src` INTO OUTFILE 'stage://exports/out/x.csv' FORMAT 'csv' " +
        `FIELDS TERMINATED BY ',' ENCLOSED BY '"' LINES TERMINATED BY '\\n' HEADER 'TRUE'`,
    );
    expect(step?.undo).toEqual(["REMOVE FILES FROM STAGE IF EXISTS 'stage://exports/out/x.csv'"]);
  });

  it.each([
    ['jsonl', 'jsonline'],
    ['parquet', 'parquet'],
  ])('writes %s on 4.x with FORMAT only (§3.4: HEADER and FIELDS do not apply)', (format, name) => {
    const { step } = exportOf(MATRIXONE_4, { format, path: `o.${format}` });
    expect(step?.sql).toBe(
      `SELECT * FROM \`__sluice_r1_src\` INTO OUTFILE 'stage://exports/o.${format}' FORMAT '${name}'`,
    );
  });

  it.each([
    ['jsonl', 'JSON lines export'],
    ['parquet', 'Parquet export'],
  ])('refuses %s export on 3.x on the format field (§3.4)', (format, feature) => {
    const { step, diagnostics } = exportOf(MATRIXONE_3, { format, path: `out.${format}` });
    expect(step).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'unsupported-on-target',
        severity: 'error',
        stageId: 'out',
        path: ['format'],
        message: `${feature} needs MatrixOne 4.0; this server is MatrixOne 3.0.9. Export CSV.`,
      },
    ]);
  });

  it('warns about a null value and an escape MatrixOne cannot write (§3.1, §3.2)', () => {
    const { step, diagnostics } = exportOf(MATRIXONE_4, { nullString: 'NA', escape: '\\' });
    expect(step).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
      ['ignored-on-target', 'warning', ['path'], fileExists('4.1.0')],
      [
        'ignored-on-target',
        'warning',
        ['nullString'],
        'MatrixOne 4.1.0 cannot honour the null value "NA": NULL fields are written as \\N.',
      ],
      [
        'ignored-on-target',
        'warning',
        ['escape'],
        'MatrixOne 4.1.0 cannot honour the escape "\\": a quote inside a field is written twice instead.',
      ],
    ]);
  });

  it.each([
    ['csv', 'x.csv'],
    ['jsonl', 'x.jsonl'],
    ['parquet', 'x.parquet'],
  ])('warns on the path that a %s export fails when its file exists (§3.2)', (format, path) => {
    const { step, diagnostics } = exportOf(MATRIXONE_4, { format, path, nullString: '\\N' });
    expect(step).toBeDefined();
    expect(diagnostics.map((d) => [d.stageId, d.severity, d.path, d.message])).toEqual([
      ['out', 'warning', ['path'], fileExists('4.1.0')],
    ]);
  });

  it('warns on 3.x that a failed run leaves a written export in place (§1.1: no REMOVE FILES)', () => {
    const { step, diagnostics } = exportOf(MATRIXONE_3, csv);
    expect(step?.undo).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.path, d.message])).toEqual([
      ['warning', ['path'], fileExists('3.0.9')],
      [
        'warning',
        ['path'],
        'MatrixOne 3.0.9 cannot honour undoing an export when the run fails: a file this stage already wrote stays in place when a later step fails; remove it before running again.',
      ],
    ]);
  });
});

describe('matrixone joins', () => {
  const joinSql = (target: TargetProfile, kind: Parameters<typeof joinFlow>[0]) => {
    const { plan, diagnostics } = compileFlow(analyzeFlow(joinFlow(kind)), {
      stageEach: true,
      target,
      runTag: 'r1',
      existingTables: [{ name: 'joined' }],
    });
    expect(diagnostics).toEqual([]);
    return plan?.steps.find((s) => s.id === 'transform:j')?.sql;
  };

  it.each([MATRIXONE_3, MATRIXONE_4])(
    'writes an inner join with ON and aliased derived names on $version (grammar `join_table`, `inner_join`)',
    (target) => {
      expect(joinSql(target, 'inner')).toBe(
        'CREATE VIEW `__sluice_r1_j` AS SELECT `l`.`id` AS `left_id`, `l`.`customer` AS `customer`, `l`.`amount` AS `amount`, `r`.`id` AS `right_id`, `r`.`country` AS `country`, `r`.`vip` AS `vip` FROM `__sluice_r1_orders` AS `l` INNER JOIN `__sluice_r1_customers` AS `r` ON `l`.`customer` = `r`.`customer`',
      );
    },
  );

  // pkg/sql/parsers/dialect/mysql/mysql_sql.y: `outer_join` is LEFT [OUTER] JOIN or RIGHT [OUTER]
  // JOIN and nothing else (FULL is a token of SHOW FULL only); `simple_select` takes UNION ALL and
  // `table_subquery` an aliased derived table.
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'writes a full join, which its grammar lacks, as LEFT JOIN UNION ALL the unmatched RIGHT JOIN rows on $version',
    (target) => {
      expect(joinSql(target, 'full')).toBe(
        'CREATE VIEW `__sluice_r1_j` AS SELECT * FROM (' +
          'SELECT `l`.`id` AS `left_id`, `l`.`customer` AS `customer`, `l`.`amount` AS `amount`, `r`.`id` AS `right_id`, `r`.`country` AS `country`, `r`.`vip` AS `vip` FROM `__sluice_r1_orders` AS `l` LEFT JOIN `__sluice_r1_customers` AS `r` ON `l`.`customer` = `r`.`customer`' +
          ' UNION ALL ' +
          'SELECT `l`.`id` AS `left_id`, `r`.`customer` AS `customer`, `l`.`amount` AS `amount`, `r`.`id` AS `right_id`, `r`.`country` AS `country`, `r`.`vip` AS `vip` FROM `__sluice_r1_orders` AS `l` RIGHT JOIN `__sluice_r1_customers` AS `r` ON `l`.`customer` = `r`.`customer` WHERE `l`.`customer` IS NULL' +
          ') AS `__sluice_join`',
      );
    },
  );
});

/**
 * MatrixOne's grammar (`pkg/sql/parsers/dialect/mysql/mysql_sql.y` in matrixorigin/matrixone) has
 * COUNT(*), COUNT(DISTINCT …), SUM, AVG, MIN and MAX in `function_call_aggregate`;
 * `CAST(expr AS mo_cast_type)` where `mo_cast_type` is any `column_type` (DOUBLE, DECIMAL(38, 0));
 * GROUP BY in `group_by_opt`; `simple_select union_op simple_select_clause` with UNION and
 * UNION ALL; and a parenthesised SELECT with an alias as a derived table in FROM.
 */
describe('matrixone aggregate and union', () => {
  const views = (target: TargetProfile, doc: Parameters<typeof analyzeFlow>[0], table: string) => {
    const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
      stageEach: true,
      target,
      runTag: 'r1',
      existingTables: [{ name: table }],
    });
    expect(diagnostics).toEqual([]);
    return plan?.steps.filter((s) => s.phase === 'transform').map((s) => s.sql);
  };

  it.each([MATRIXONE_3, MATRIXONE_4])(
    'groups with a DOUBLE average and a DECIMAL sum of whole numbers on $version (its SUM of an INT is BIGINT, its AVG of a DECIMAL a DECIMAL)',
    (target) => {
      expect(views(target, perCountryFlow(), 'per_country')).toEqual([
        'CREATE VIEW `__sluice_r1_agg` AS SELECT `country`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers`, CAST(sum(`qty`) AS DECIMAL(38, 0)) AS `units`, sum(`amount`) AS `revenue`, avg(CAST(`qty` AS DOUBLE)) AS `mean_qty`, min(`amount`) AS `smallest`, max(`customer`) AS `last` FROM `__sluice_r1_src` GROUP BY `country`',
      ]);
    },
  );

  it.each([MATRIXONE_3, MATRIXONE_4])(
    'stacks two inputs with UNION ALL over explicit column lists on $version',
    (target) => {
      const list = '`id` AS `id`, `customer` AS `customer`, `qty` AS `qty`';
      expect(views(target, twoMonthsFlow('all'), 'orders')).toEqual([
        `CREATE VIEW \`__sluice_r1_both\` AS SELECT * FROM (SELECT ${list} FROM \`__sluice_r1_jan\` UNION ALL SELECT ${list} FROM \`__sluice_r1_feb\`) AS \`__sluice_in\``,
      ]);
    },
  );
});

describe('matrixone deduplicate', () => {
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'keeps row number 1 per key of ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) on $version (grammar: function_call_window, window_spec)',
    (target) => {
      expect(viewsOf(target, dedupedFlow(), 'deduped')).toEqual([
        'CREATE VIEW `__sluice_r1_dedupe` AS SELECT `id`, `customer`, `amount` FROM (SELECT `id`, `customer`, `amount`, ROW_NUMBER() OVER (PARTITION BY `customer` ORDER BY `amount` IS NULL ASC, `amount` DESC, `id` IS NULL DESC, `id` ASC) AS `__sluice_row` FROM `__sluice_r1_src`) AS `__sluice_in` WHERE `__sluice_row` = 1',
      ]);
    },
  );
});

describe('matrixone SQL transform', () => {
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'stages a view over WITH queries naming the inputs on $version (grammar: create_view_stmt … AS select_stmt; select_no_parens takes a with_clause)',
    (target) => {
      expect(viewsOf(target, transformFlow(REVENUE_SQL), 'report')).toEqual([
        `CREATE VIEW \`__sluice_r1_sql\` AS WITH \`a\` AS (SELECT * FROM \`__sluice_r1_orders\`), \`b\` AS (SELECT * FROM \`__sluice_r1_customers\`) ${REVENUE_SQL}`,
      ]);
    },
  );
});

/** The views a flow writing the existing table `table` stages on `target`, with no diagnostic. */
function viewsOf(target: TargetProfile, doc: FlowDocument, table: string): string[] {
  const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
    stageEach: true,
    target,
    runTag: 'r1',
    existingTables: [{ name: table }],
  });
  expect(diagnostics).toEqual([]);
  return plan?.steps.filter((s) => s.phase === 'transform').map((s) => s.sql) ?? [];
}

describe('matrixone derive and cast', () => {
  /**
   * CAST takes `mo_cast_type`, any column type (INT, BOOL, VARCHAR(n), TEXT, JSON, DECIMAL up to
   * 38 digits) or SIGNED; MatrixOne's cast of text to SIGNED is strict (strconv.ParseInt), so a
   * message cast to SIGNED fails the statement with "invalid argument cast to int, bad value"
   * and the message. [code] pkg/sql/parsers/dialect/mysql/mysql_sql.y (`mo_cast_type`,
   * `decimal_type`), pkg/sql/plan/function/func_cast.go (`strToSigned`).
   */
  it.each([MATRIXONE_3, MATRIXONE_4])(
    'casts to its own types and fails through a strict cast on %j',
    (target) => {
      const { plan } = compile(target, castDeriveFlow('fail').stages, [
        'src->cast',
        'cast->derive',
        'derive->dest',
      ]);
      const [cast] = plan?.steps.filter((s) => s.phase === 'transform').map((s) => s.sql) ?? [];
      const failure = (column: string, type: string, text: string) =>
        `CAST(CONCAT('Cast of column "${column}" to ${type} failed on the value: ', ${text}) AS SIGNED)`;
      expect(cast).toBe(
        'CREATE VIEW `__sluice_r1_cast` AS SELECT ' +
          "CASE WHEN `qty` IS NULL THEN NULL WHEN CASE WHEN `qty` REGEXP '(?-i)^ *[+-]?0*[0-9]{1,19}([.]0*)? *\\\\z' " +
          'THEN CAST(TRIM(`qty`) AS DECIMAL(20,0)) BETWEEN -2147483648 AND 2147483647 ELSE FALSE END ' +
          `THEN CAST(CAST(TRIM(\`qty\`) AS DECIMAL(20,0)) AS INT) ELSE CAST(${failure('qty', 'integer', '`qty`')} AS INT) END AS \`qty\`, ` +
          'CASE WHEN `price` IS NULL THEN NULL WHEN `price` > -99999999.995 AND `price` < 99999999.995 ' +
          `THEN CAST(\`price\` AS DECIMAL(10,2)) ELSE CAST(${failure('price', 'decimal(10, 2)', 'CAST(`price` AS TEXT)')} AS DECIMAL(10,2)) END AS \`price\`, ` +
          "CASE WHEN `paid` IS NULL THEN NULL WHEN LOWER(TRIM(`paid`)) REGEXP '(?-i)^(true|t|yes|y|1|false|f|no|n|0)\\\\z' " +
          `THEN LOWER(TRIM(\`paid\`)) IN ('true', 't', 'yes', 'y', '1') ELSE CAST(${failure('paid', 'boolean', '`paid`')} AS BOOL) END AS \`paid\`, ` +
          'CAST(`placed` AS TEXT) AS `placed` FROM `__sluice_r1_src`',
      );
    },
  );

  it('refuses a decimal wider than 38 digits on the precision field (grammar `decimal_type`)', () => {
    const { plan, diagnostics } = compile(
      MATRIXONE_4,
      [
        stage('src', 'file-source', { columns: [{ name: 'n', type: 'VARCHAR' }] }),
        stage('c', 'cast', {
          columns: [{ column: 'n', type: { name: 'decimal', precision: 39, scale: 0 } }],
        }),
        stage('d', 'table-destination', { table: 't' }),
      ],
      ['src->c', 'c->d'],
    );
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.stageId, d.path])).toEqual([
      ['unsupported-on-target', 'c', ['columns', 0, 'type', 'precision']],
    ]);
  });
});

/**
 * Values MatrixOne's grammar takes but its load and export refuse or misread further in
 * (sql-reference.md §0.1): each is an error on the field to change, before anything runs.
 */
describe('matrixone misreadings (§0.1)', () => {
  const errorsOf = (target: TargetProfile, stages: Parameters<typeof flow>[0]) =>
    compile(target, stages, ['src->out'], [{ name: 't' }])
      .diagnostics.filter((d) => d.code === 'misread-on-target')
      .map((d) => [d.stageId, d.path, d.message]);
  const load = (config: Record<string, unknown>) => [
    stage('src', 'file-source', { columns: cols, ...config }),
    stage('out', 'table-destination', { table: 't' }),
  ];
  const exportTo = (config: Record<string, unknown>) => [
    stage('src', 'file-source', { columns: cols }),
    stage('out', 'file-export', { nullString: '\\N', ...config }),
  ];

  it.each([
    ['?', 'it starts a URL query, which MatrixOne refuses ("query not supported")'],
    ['#', 'it starts a URL fragment, so the path ends there and another file is read'],
    ['%', 'it starts a URL escape, so the name is decoded into another name'],
  ])(
    'refuses a "%s" in a path it would read as URL syntax (stageutil.UrlToStageDef)',
    (char, why) => {
      const message = `MatrixOne 4.1.0 misreads "${char}" in a file path: ${why}. Rename the file, or its folder, without "?", "#" or "%".`;
      expect(errorsOf(MATRIXONE_4, load({ path: `in/a${char}b.csv` }))).toEqual([
        ['src', ['path'], message],
      ]);
      // A 4.x export keeps printf verbs for split files (`UrlToStageDefForExport`).
      const exported =
        char === '%'
          ? message.replace(
              why,
              'it starts a printf verb, which MatrixOne fills with the number of the file it writes',
            )
          : message;
      expect(errorsOf(MATRIXONE_4, exportTo({ path: `out/a${char}b.csv` }))).toEqual([
        ['out', ['path'], exported],
      ]);
    },
  );

  it('refuses a quote or escape of more than one byte (grammar field_item, export_fields)', () => {
    expect(errorsOf(MATRIXONE_3, load({ quote: '«', escape: '\\' }))).toEqual([
      [
        'src',
        ['quote'],
        'MatrixOne 3.0.9 misreads the quote "«": it takes a quote of one byte, and "«" is 2 bytes in UTF-8. Pick an ASCII quote character.',
      ],
    ]);
  });

  it('refuses JSON lines keys with capitals, which it never finds in its lowercased columns', () => {
    const columns = [
      { name: 'id', type: 'BIGINT' },
      { name: 'UserId', type: 'BIGINT' },
    ];
    expect(errorsOf(MATRIXONE_4, load({ path: 'in/a.jsonl', format: 'jsonl', columns }))).toEqual([
      [
        'src',
        ['columns', 1, 'name'],
        'MatrixOne 4.1.0 misreads the JSON key "UserId": its columns are lowercased, and keys are matched exactly, so "UserId" is never found. Load a file whose keys are lowercase, or load it as CSV.',
      ],
    ]);
  });

  it('refuses on 4.x an export whose known suffix contradicts its format; 3.x writes CSV anyway', () => {
    const jsonToCsv = exportTo({ path: 'out/x.csv', format: 'jsonl' });
    expect(errorsOf(MATRIXONE_4, jsonToCsv)).toEqual([
      [
        'out',
        ['path'],
        'MatrixOne 4.1.0 misreads a JSON lines export to a ".csv" file: it refuses a format that its file suffix contradicts. End the path in the suffix of JSON lines, or export CSV.',
      ],
    ]);
    expect(errorsOf(MATRIXONE_4, exportTo({ path: 'out/x.tsv', format: 'csv' }))).toEqual([]);
  });

  it('leaves the other targets alone: only MatrixOne reads paths as URLs', () => {
    const doc = flow(load({ path: 'in/a#b.csv', quote: '«' }), ['src->out']);
    for (const target of [DUCKDB, MARIADB]) {
      const { diagnostics } = compileFlow(analyzeFlow(doc), {
        stageEach: true,
        target,
        runTag: 'r1',
        resolveFile: (ref) => `/local/${ref.path}`,
        existingTables: [{ name: 't' }],
      });
      expect(diagnostics.filter((d) => d.code === 'misread-on-target')).toEqual([]);
    }
  });
});
