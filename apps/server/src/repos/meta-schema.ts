import type { DuckDbClient } from '@sluice/engine';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The metadata schema, qualified with the database's catalog: DuckDB names the catalog after the
 * file, so with the default `sluice.duckdb` a bare `sluice.flows` would be ambiguous between
 * catalog `sluice` and schema `sluice`.
 */
export async function metaSchemaOf(client: DuckDbClient): Promise<string> {
  const [row] = await client.query<{ catalog: string }>('SELECT current_database() AS catalog');
  if (!row) throw new Error('DuckDB did not report its current database.');
  return `${quoteIdent(row.catalog)}.sluice`;
}

/** The qualified names of the metadata tables. */
export interface MetaTables {
  schema: string;
  schemaMigrations: string;
  flows: string;
  flowVersions: string;
  runs: string;
  runStages: string;
  externalStages: string;
}

export function metaTables(schema: string): MetaTables {
  return {
    schema,
    schemaMigrations: `${schema}.schema_migrations`,
    flows: `${schema}.flows`,
    flowVersions: `${schema}.flow_versions`,
    runs: `${schema}.runs`,
    runStages: `${schema}.run_stages`,
    externalStages: `${schema}.external_stages`,
  };
}
