import type { DeniedFunctions } from './denied-functions';

/**
 * DuckDB functions an expression may not call, picked from `duckdb_functions()` of DuckDB 1.5:
 * those that sleep, read files, globs or URLs, read settings, secrets, variables or logs, run
 * SQL text, or write (logs, checkpoints, sequences). Table functions are listed too, though a
 * subquery (refused on its own) is the only way to call one, so neither check alone holds.
 * `getenv` is the CLI's; it is listed for builds that have it.
 * @see https://duckdb.org/docs/stable/sql/functions/utility
 */
export const DUCKDB_DENIED_FUNCTIONS: DeniedFunctions = {
  pg_sleep: 'waits',
  sleep_ms: 'waits',
  read_csv: 'files',
  read_csv_auto: 'files',
  read_json: 'files',
  read_json_auto: 'files',
  read_json_objects: 'files',
  read_json_objects_auto: 'files',
  read_ndjson: 'files',
  read_ndjson_auto: 'files',
  read_ndjson_objects: 'files',
  read_parquet: 'files',
  parquet_scan: 'files',
  parquet_metadata: 'files',
  parquet_file_metadata: 'files',
  parquet_full_metadata: 'files',
  parquet_kv_metadata: 'files',
  parquet_schema: 'files',
  parquet_bloom_probe: 'files',
  read_text: 'files',
  read_blob: 'files',
  read_duckdb: 'files',
  sniff_csv: 'files',
  glob: 'files',
  query: 'sql',
  query_table: 'sql',
  json_execute_serialized_sql: 'sql',
  getenv: 'settings',
  getvariable: 'settings',
  current_setting: 'settings',
  duckdb_secrets: 'settings',
  which_secret: 'settings',
  duckdb_settings: 'settings',
  duckdb_profiling_settings: 'settings',
  duckdb_variables: 'settings',
  duckdb_databases: 'settings',
  duckdb_extensions: 'settings',
  duckdb_logs: 'settings',
  duckdb_temporary_files: 'settings',
  duckdb_external_file_cache: 'settings',
  write_log: 'writes',
  checkpoint: 'writes',
  force_checkpoint: 'writes',
  enable_logging: 'writes',
  disable_logging: 'writes',
  truncate_duckdb_logs: 'writes',
  nextval: 'writes',
};
