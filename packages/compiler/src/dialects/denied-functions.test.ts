import { describe, expect, it } from 'vitest';

import type { Product } from '../plan';
import { checkSqlExpression } from '../check-sql';
import { DENIED_FUNCTIONS } from './denied-functions';

/** Every refused function, written out by hand per product, with a call as a person would. */
const CALLS: Record<Product, readonly string[]> = {
  DuckDB: [
    'pg_sleep(5) IS NULL',
    'sleep_ms(5000) IS NULL',
    "read_csv('/etc/passwd') IS NULL",
    "read_csv_auto('/etc/passwd') IS NULL",
    "read_json('/x.json') IS NULL",
    "read_json_auto('/x.json') IS NULL",
    "read_json_objects('/x.json') IS NULL",
    "read_json_objects_auto('/x.json') IS NULL",
    "read_ndjson('/x.json') IS NULL",
    "read_ndjson_auto('/x.json') IS NULL",
    "read_ndjson_objects('/x.json') IS NULL",
    "read_parquet('/x.parquet') IS NULL",
    "parquet_scan('/x.parquet') IS NULL",
    "parquet_metadata('/x.parquet') IS NULL",
    "parquet_file_metadata('/x.parquet') IS NULL",
    "parquet_full_metadata('/x.parquet') IS NULL",
    "parquet_kv_metadata('/x.parquet') IS NULL",
    "parquet_schema('/x.parquet') IS NULL",
    "parquet_bloom_probe('/x.parquet', 'a', 1) IS NULL",
    "read_text('/etc/passwd') IS NULL",
    "read_blob('/etc/passwd') IS NULL",
    "read_duckdb('/x.duckdb') IS NULL",
    "sniff_csv('/etc/passwd') IS NULL",
    "glob('/home/*') IS NULL",
    "query('SELECT 1') IS NULL",
    "query_table('sluice_flows') IS NULL",
    "json_execute_serialized_sql('{}') IS NULL",
    "getenv('HOME') IS NULL",
    "getvariable('x') IS NULL",
    "current_setting('home_directory') = ''",
    'duckdb_secrets() IS NULL',
    "which_secret('s3://b/x', 's3') IS NULL",
    'duckdb_settings() IS NULL',
    'duckdb_profiling_settings() IS NULL',
    'duckdb_variables() IS NULL',
    'duckdb_databases() IS NULL',
    'duckdb_extensions() IS NULL',
    'duckdb_logs() IS NULL',
    'duckdb_temporary_files() IS NULL',
    'duckdb_external_file_cache() IS NULL',
    "write_log('x') IS NULL",
    'checkpoint() IS NULL',
    'force_checkpoint() IS NULL',
    'enable_logging() IS NULL',
    'disable_logging() IS NULL',
    'truncate_duckdb_logs() IS NULL',
    "nextval('seq') > 0",
  ],
  MySQL: [
    'sleep(5) = 0',
    "benchmark(100000000, md5('x')) = 0",
    "master_pos_wait('log', 4) IS NULL",
    "get_lock('x', 10) = 1",
    "release_lock('x') = 1",
    'release_all_locks() = 0',
    "is_free_lock('x') = 1",
    "is_used_lock('x') IS NULL",
    "load_file('/etc/passwd') IS NULL",
    "sys_exec('id') = 0",
    "sys_eval('id') = ''",
    "source_pos_wait('log', 4) IS NULL",
    "wait_for_executed_gtid_set('uuid:1') = 0",
    "wait_until_sql_thread_after_gtids('uuid:1') = 0",
    "service_get_read_locks('ns', 'x', 10) = 1",
    "service_get_write_locks('ns', 'x', 10) = 1",
    "service_release_locks('ns') = 1",
    "version_tokens_lock_shared('t', 10) = 1",
    "version_tokens_lock_exclusive('t', 10) = 1",
    'version_tokens_unlock() = 1',
    "keyring_key_fetch('k') IS NULL",
    "keyring_key_generate('k', 'AES', 32) = 1",
    "keyring_key_store('k', 'AES', 'v') = 1",
    "keyring_key_remove('k') = 1",
  ],
  MariaDB: [
    'sleep(5) = 0',
    "benchmark(100000000, md5('x')) = 0",
    "master_pos_wait('log', 4) IS NULL",
    "get_lock('x', 10) = 1",
    "release_lock('x') = 1",
    'release_all_locks() = 0',
    "is_free_lock('x') = 1",
    "is_used_lock('x') IS NULL",
    "load_file('/etc/passwd') IS NULL",
    "sys_exec('id') = 0",
    "sys_eval('id') = ''",
    "master_gtid_wait('0-1-1', 10) = 0",
    "binlog_gtid_pos('mariadb-bin.000001', 4) IS NULL",
    'nextval(seq) > 0',
    'setval(seq, 100) > 0',
  ],
  MatrixOne: [
    'sleep(5) = 0',
    "get_lock('x', 10) = 1",
    "release_lock('x') = 1",
    'release_all_locks() = 0',
    "is_free_lock('x') = 1",
    "is_used_lock('x') IS NULL",
    "load_file('/etc/passwd') IS NULL",
    "load_text('/x.pdf') IS NULL",
    "save_file('/tmp/x', 'data') IS NULL",
    "stage_list('stage://s') IS NULL",
    "moplugin('http://x/p.wasm', 'f', '{}') IS NULL",
    "try_moplugin('http://x/p.wasm', 'f', '{}') IS NULL",
    "starlark('x', '{}') IS NULL",
    "try_starlark('x', '{}') IS NULL",
    'python_user_defined_function(1) IS NULL',
    "onnx_run('/m.onnx', 'x') IS NULL",
    "llm_chat('hi') IS NULL",
    "llm_embedding('hi') IS NULL",
    "mo_ctl('cn', 'task', 'disable') IS NULL",
    "purge_log('rawlog', '2026-01-01') IS NULL",
    'enable_fault_injection() IS NULL',
    'disable_fault_injection() IS NULL',
    "add_fault_point('p', ':::', 'echo', 0, '') IS NULL",
    "remove_fault_point('p') IS NULL",
    "trigger_fault_point('p') IS NULL",
    "fault_inject('p', '', '') IS NULL",
    'mo_cpu_dump(10) IS NULL',
    "mo_enable_memory_usage_detail('cn') IS NULL",
    "mo_disable_memory_usage_detail('cn') IS NULL",
    "mo_feature_registry_upsert('f', '') IS NULL",
    "mo_feature_limit_upsert('f', '') IS NULL",
    "nextval('seq') > 0",
    "setval('seq', 100) > 0",
  ],
};

const calledName = (call: string) => /^(\w+)\(/.exec(call)?.[1] ?? '';

describe('denied functions', () => {
  describe.each(Object.entries(CALLS))('on %s', (product, calls) => {
    it('has a case below for every entry of its list, and no other', () => {
      const listed = Object.keys(DENIED_FUNCTIONS[product as Product]).sort();
      expect(calls.map(calledName).sort()).toEqual(listed);
    });

    it.each(calls)('refuses %s', (call) => {
      const problem = checkSqlExpression(call);
      expect(problem?.kind).toBe('invalid');
      expect(problem?.message).toContain(`${calledName(call).toUpperCase()}() is not allowed: on `);
      expect(problem?.message).toContain(product);
    });
  });

  it('refuses the sleep that held a DuckDB destination for minutes', () => {
    expect(checkSqlExpression('pg_sleep(5) IS NULL')).toEqual({
      kind: 'invalid',
      message:
        "PG_SLEEP() is not allowed: on DuckDB it waits, holding the run and its destination. An expression may only read the stage's input rows.",
    });
  });

  it.each([
    'PG_SLEEP (5) IS NULL',
    'Pg_Sleep(5) IS NULL',
    '"pg_sleep"(5) IS NULL',
    '"PG_SLEEP"(5) IS NULL',
    'main.pg_sleep(5) IS NULL',
    'pg_catalog.pg_sleep(5) IS NULL',
    '(5).pg_sleep() IS NULL',
    'amount > 0 AND pg_sleep(\n5) IS NULL',
    '`sleep`(5) = 0',
    "coalesce(read_text('/etc/passwd'), '') = ''",
  ])('refuses it however it is written: %s', (sql) => {
    expect(checkSqlExpression(sql)?.message).toMatch(
      /^(PG_SLEEP|SLEEP|READ_TEXT)\(\) is not allowed/,
    );
  });

  it.each([
    "note = 'pg_sleep(5)'",
    'my_pg_sleep(5) IS NULL',
    'sleep_hours > 1',
    '"pg sleep"(5) IS NULL',
    "status = 'sleep'",
    'tostring(id) IS NULL',
    'constructor(id) IS NULL',
  ])('lets a name that only looks like one through: %s', (sql) => {
    expect(checkSqlExpression(sql)?.kind).not.toBe('invalid');
  });
});
