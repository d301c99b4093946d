import type { DeniedFunctions } from './denied-functions';

/** What MySQL and MariaDB both have: sleeping, named locks, server files and the sys UDFs. */
const SHARED: DeniedFunctions = {
  sleep: 'waits',
  benchmark: 'waits',
  master_pos_wait: 'waits',
  get_lock: 'locks',
  release_lock: 'locks',
  release_all_locks: 'locks',
  is_free_lock: 'locks',
  is_used_lock: 'locks',
  load_file: 'files',
  // lib_mysqludf_sys, a common add-on: runs a shell command on the database host.
  sys_exec: 'network',
  sys_eval: 'network',
};

/**
 * MySQL 8 functions an expression may not call: the shared ones, the replica waits, the locking
 * and version-token services and the keyring functions.
 * @see https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html
 * @see https://dev.mysql.com/doc/refman/8.0/en/gtid-functions.html
 */
export const MYSQL_DENIED_FUNCTIONS: DeniedFunctions = {
  ...SHARED,
  source_pos_wait: 'waits',
  wait_for_executed_gtid_set: 'waits',
  wait_until_sql_thread_after_gtids: 'waits',
  service_get_read_locks: 'locks',
  service_get_write_locks: 'locks',
  service_release_locks: 'locks',
  version_tokens_lock_shared: 'locks',
  version_tokens_lock_exclusive: 'locks',
  version_tokens_unlock: 'locks',
  keyring_key_fetch: 'settings',
  keyring_key_generate: 'writes',
  keyring_key_store: 'writes',
  keyring_key_remove: 'writes',
};

/**
 * MariaDB 10.6+ functions an expression may not call: the shared ones, the GTID wait, the
 * binary log reader and the sequence functions that change a sequence.
 * @see https://mariadb.com/kb/en/master_gtid_wait/
 * @see https://mariadb.com/kb/en/binlog_gtid_pos/
 */
export const MARIADB_DENIED_FUNCTIONS: DeniedFunctions = {
  ...SHARED,
  master_gtid_wait: 'waits',
  binlog_gtid_pos: 'files',
  nextval: 'writes',
  setval: 'writes',
};
