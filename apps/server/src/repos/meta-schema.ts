import type { SqlClient } from '@sluice/engine';

import type { MetaDialect } from './meta-dialect';
import { DUCKDB_META, MYSQL_META } from './meta-dialect';

/** The qualified names of the metadata tables, and the dialect their SQL is written in. */
export interface MetaTables {
  dialect: MetaDialect;
  schema: string;
  schemaMigrations: string;
  flows: string;
  flowVersions: string;
  runs: string;
  runStages: string;
  externalStages: string;
}

function metaTables(dialect: MetaDialect, schema: string): MetaTables {
  return {
    dialect,
    schema,
    schemaMigrations: `${schema}.schema_migrations`,
    flows: `${schema}.flows`,
    flowVersions: `${schema}.flow_versions`,
    runs: `${schema}.runs`,
    runStages: `${schema}.run_stages`,
    externalStages: `${schema}.external_stages`,
  };
}

/**
 * The metadata tables inside a DuckDB database: schema `sluice`, qualified with the catalog,
 * since DuckDB names the catalog after the file and with the default `sluice.duckdb` a bare
 * `sluice.flows` would be ambiguous between catalog `sluice` and schema `sluice`.
 */
export async function duckDbMetaTables(client: SqlClient): Promise<MetaTables> {
  const [row] = await client.query<{ catalog: string }>('SELECT current_database() AS catalog');
  if (!row) throw new Error('DuckDB did not report its current database.');
  return metaTables(DUCKDB_META, `${DUCKDB_META.quote(row.catalog)}.sluice`);
}

/** The metadata tables on a MySQL-family server: database `database` (normally `sluice`). */
export function mySqlMetaTables(database: string): MetaTables {
  return metaTables(MYSQL_META, MYSQL_META.quote(database));
}
