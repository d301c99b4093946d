import { describe, expect, it } from 'vitest';

import type { TargetProfile } from './plan';
import { DUCKDB, flow, MARIADB, MATRIXONE_4, stage } from '../test/build-flow';
import { analyzeFlow } from './analyze-flow';
import { compileFlow } from './compile-flow';

const MYSQL: TargetProfile = { dialect: 'mysql', product: 'MySQL', version: '8.0.36' };

const filtered = (condition: string) =>
  flow(
    [
      stage('src', 'file-source', { columns: [{ name: 'id', type: 'BIGINT' }] }),
      stage('f', 'filter', { condition }),
      stage('d', 'table-destination', { table: 'out' }),
    ],
    ['src->f', 'f->d'],
  );

describe.each([
  ['DuckDB', DUCKDB],
  ['MySQL', MYSQL],
  ['MariaDB', MARIADB],
  ['MatrixOne', MATRIXONE_4],
] as const)('a condition reading a variable on %s', (_name, target) => {
  it.each(['@@datadir IS NOT NULL', "@@global.secure_file_priv = ''", '(@x := 1)'])(
    'is refused on the condition field and plans nothing: %s',
    (condition) => {
      const { plan, diagnostics } = compileFlow(analyzeFlow(filtered(condition)), {
        target,
        runTag: 'r1',
      });
      expect(plan).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.severity, d.stageId, d.path, d.message])).toEqual([
        [
          'invalid-sql',
          'error',
          'f',
          ['condition'],
          "Server and session variables (@@datadir, @x) are not allowed: an expression may only read the stage's input rows.",
        ],
      ]);
    },
  );
});
