import type { DeniedFunctions } from './denied-functions';

/**
 * MatrixOne functions an expression may not call, picked from its builtin list
 * (`pkg/sql/plan/function/function_id.go`): sleeping, locks, reading and writing files and
 * stages, plug-ins and scripts that fetch or run code, calls out to models, and the control,
 * fault-injection and log functions that change the server.
 * `stage_list` is the table function listing a stage's files.
 * @see https://github.com/matrixorigin/matrixone/blob/main/pkg/sql/plan/function/function_id.go
 * @see https://docs.matrixorigin.cn/en/v24.2.0.1/MatrixOne/Reference/Functions-and-Operators/Other/stage_list/
 */
export const MATRIXONE_DENIED_FUNCTIONS: DeniedFunctions = {
  sleep: 'waits',
  get_lock: 'locks',
  release_lock: 'locks',
  release_all_locks: 'locks',
  is_free_lock: 'locks',
  is_used_lock: 'locks',
  load_file: 'files',
  load_text: 'files',
  save_file: 'files',
  stage_list: 'files',
  moplugin: 'network',
  try_moplugin: 'network',
  starlark: 'sql',
  try_starlark: 'sql',
  python_user_defined_function: 'sql',
  onnx_run: 'files',
  llm_chat: 'network',
  llm_embedding: 'network',
  mo_ctl: 'writes',
  purge_log: 'writes',
  enable_fault_injection: 'writes',
  disable_fault_injection: 'writes',
  add_fault_point: 'writes',
  remove_fault_point: 'writes',
  trigger_fault_point: 'writes',
  fault_inject: 'writes',
  mo_cpu_dump: 'files',
  mo_enable_memory_usage_detail: 'writes',
  mo_disable_memory_usage_detail: 'writes',
  mo_feature_registry_upsert: 'writes',
  mo_feature_limit_upsert: 'writes',
  nextval: 'writes',
  setval: 'writes',
};
