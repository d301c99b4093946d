import { describe, expect, it } from 'vitest';

import type { CastType } from '@sluice/stages';

import type { TargetProfile } from '../src';
import { analyzeFlow, compileFlow, getDialect } from '../src';
import { DUCKDB, flow, MARIADB, MATRIXONE_4, stage } from './build-flow';

/**
 * The portable cast vocabulary mapped to each target's own CAST types, and what each target
 * cannot cast to, as diagnostics on the type's field. MySQL and MariaDB share a dialect:
 * SIGNED, DECIMAL, DOUBLE, CHAR, DATE, DATETIME and JSON are all their CAST takes, and MariaDB
 * lacks JSON (https://mariadb.com/kb/en/cast/); MatrixOne takes any column type
 * (`mo_cast_type` in pkg/sql/parsers/dialect/mysql/mysql_sql.y).
 */
const MAPPING: readonly [CastType, { duckdb: string; mysql: string; matrixone: string }][] = [
  [{ name: 'integer' }, { duckdb: 'INTEGER', mysql: 'SIGNED', matrixone: 'INT' }],
  [{ name: 'bigint' }, { duckdb: 'BIGINT', mysql: 'SIGNED', matrixone: 'BIGINT' }],
  [
    { name: 'decimal', precision: 12, scale: 3 },
    { duckdb: 'DECIMAL(12, 3)', mysql: 'DECIMAL(12,3)', matrixone: 'DECIMAL(12,3)' },
  ],
  [{ name: 'double' }, { duckdb: 'DOUBLE', mysql: 'DOUBLE', matrixone: 'DOUBLE' }],
  [
    { name: 'varchar', length: 40 },
    { duckdb: 'VARCHAR', mysql: 'CHAR(40) CHARACTER SET utf8mb4', matrixone: 'VARCHAR(40)' },
  ],
  [{ name: 'text' }, { duckdb: 'VARCHAR', mysql: 'CHAR CHARACTER SET utf8mb4', matrixone: 'TEXT' }],
  [{ name: 'date' }, { duckdb: 'DATE', mysql: 'DATE', matrixone: 'DATE' }],
  [{ name: 'timestamp' }, { duckdb: 'TIMESTAMP', mysql: 'DATETIME(6)', matrixone: 'DATETIME(6)' }],
  [{ name: 'json' }, { duckdb: 'JSON', mysql: 'JSON', matrixone: 'JSON' }],
];

describe('the cast vocabulary on each target', () => {
  it.each(MAPPING.map(([type, native]) => [type.name, type, native] as const))(
    'maps %s',
    (_name, type, native) => {
      expect(getDialect('duckdb').castTo('x', type)).toBe(`CAST(x AS ${native.duckdb})`);
      expect(getDialect('mysql').castTo('x', type)).toBe(`CAST(x AS ${native.mysql})`);
      expect(getDialect('matrixone').castTo('x', type)).toBe(`CAST(x AS ${native.matrixone})`);
    },
  );

  it('casts to boolean natively on DuckDB and MatrixOne, and by comparing with 0 on MySQL', () => {
    const type = { name: 'boolean' } as const;
    expect(getDialect('duckdb').castTo('x', type)).toBe('CAST(x AS BOOLEAN)');
    expect(getDialect('matrixone').castTo('x', type)).toBe('CAST(x AS BOOL)');
    expect(getDialect('mysql').castTo('x', type)).toBe('(x) <> 0');
  });

  it('gives the neutral JSON column type its native name everywhere', () => {
    for (const dialect of ['duckdb', 'mysql', 'matrixone'] as const) {
      expect(getDialect(dialect).columnType('JSON')).toBe('JSON');
    }
  });
});

const MYSQL_8 = { dialect: 'mysql', product: 'MySQL', version: '8.0.36' } as const;
const MYSQL_8_0_16 = { dialect: 'mysql', product: 'MySQL', version: '8.0.16' } as const;

/** The diagnostics of a cast of four columns to types some target cannot hold. */
function castDiagnostics(target: TargetProfile) {
  const types: CastType[] = [
    { name: 'decimal', precision: 50, scale: 2 },
    { name: 'decimal', precision: 36, scale: 35 },
    { name: 'json' },
    { name: 'double' },
  ];
  const doc = flow(
    [
      stage('src', 'file-source', {
        columns: ['a', 'b', 'c', 'd'].map((name) => ({ name, type: 'VARCHAR' })),
      }),
      stage('c', 'cast', {
        columns: types.map((type, i) => ({ column: 'abcd'.charAt(i), type })),
      }),
      stage('dest', 'table-destination', { table: 't' }),
    ],
    ['src->c', 'c->dest'],
  );
  return compileFlow(analyzeFlow(doc), { target, runTag: 'r1' }).diagnostics;
}

describe("each target's cast limits", () => {
  const at = (row: number, field: string) => [
    'unsupported-on-target',
    'c',
    ['columns', row, 'type', field],
  ];

  it.each([
    ['DuckDB', DUCKDB, [at(0, 'precision')]],
    ['MariaDB', MARIADB, [at(2, 'name')]],
    ['MySQL 8.0.36', MYSQL_8, [at(1, 'scale')]],
    ['MySQL 8.0.16', MYSQL_8_0_16, [at(1, 'scale'), at(3, 'name')]],
    ['MatrixOne', MATRIXONE_4, [at(0, 'precision')]],
  ])('on %s, on the field that goes past them', (_name, target, expected) => {
    expect(castDiagnostics(target).map((d) => [d.code, d.stageId, d.path])).toEqual(expected);
  });

  it('says what the target is and what to do instead', () => {
    const messages = (target: TargetProfile) => castDiagnostics(target).map((d) => d.message);
    expect(messages(DUCKDB)).toEqual([
      'A decimal of 50 digits needs MySQL or MariaDB (up to 65 digits); this server is DuckDB 1.5.0. Use at most 38 digits here.',
    ]);
    expect(messages(MARIADB)).toEqual([
      'A cast to json needs DuckDB, MySQL 8 or MatrixOne; this server is MariaDB 10.11.6. MariaDB keeps JSON as text: cast to text, and filter with JSON_VALID.',
    ]);
    expect(messages(MYSQL_8)).toEqual([
      'A decimal with 35 digits after the point needs MariaDB, DuckDB or MatrixOne (up to 38); this server is MySQL 8.0.36. Use at most 30 digits after the point here.',
    ]);
  });
});
