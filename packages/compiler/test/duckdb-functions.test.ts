import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';

import { DUCKDB_DENIED_FUNCTIONS } from '../src/dialects/duckdb-functions';

/** The function names of the installed DuckDB, as `duckdb_functions()` lists them. */
let installed: Set<string>;
beforeAll(async () => {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await db.runAndReadAll('SELECT DISTINCT function_name FROM duckdb_functions()');
  installed = new Set(reader.getRows().map(([name]) => String(name)));
  db.closeSync();
});

describe('the DuckDB deny list against the installed DuckDB', () => {
  it('names functions DuckDB has (getenv only exists in the CLI)', () => {
    const missing = Object.keys(DUCKDB_DENIED_FUNCTIONS).filter((name) => !installed.has(name));
    expect(missing).toEqual(['getenv']);
  });

  it('covers every function whose name says it sleeps, reads files, secrets or settings, or runs SQL', () => {
    const risky = [...installed].filter((name) =>
      /sleep|^read_|^parquet_|glob|^query|secret|setting|variable|getenv|execute|_log/.test(name),
    );
    // Log parsing and the kinds of secret there are read no file, setting or secret.
    const allowed = new Set([
      'duckdb_log_contexts',
      'duckdb_logs_parsed',
      'parse_duckdb_log_message',
      'duckdb_secret_types',
    ]);
    expect(
      risky.filter((name) => !Object.hasOwn(DUCKDB_DENIED_FUNCTIONS, name) && !allowed.has(name)),
    ).toEqual([]);
  });
});
