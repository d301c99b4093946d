/**
 * The metadata schema, one numbered migration per change. Append new entries; never edit an
 * applied one, since `migrate` records each id in `schema_migrations`. Column types come from the
 * dialect (`MetaTypes`), so on DuckDB each statement reads exactly as it did before MySQL-family
 * servers could hold metadata.
 */

import type { SqlClient } from '@sluice/engine';

import type { MetaTables } from './meta-schema';
import { renameDuplicateFlows } from './flow-names';

export interface SchemaMigration {
  id: number;
  name: string;
  /**
   * Rewrites rows the statements would refuse. It runs first, in a transaction of its own since
   * DuckDB cannot create an index in a transaction that changed rows, so it must be harmless to
   * run again.
   */
  prepare?: (tx: SqlClient, t: MetaTables) => Promise<void>;
  /** The statements, given the qualified table names and their dialect's types. */
  statements: (t: MetaTables) => readonly string[];
}

export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'create-flows',
    statements: (t) => {
      const { key, long, timestamp } = t.dialect.types;
      return [
        `CREATE TABLE ${t.flows} (
        id ${key} PRIMARY KEY,
        name ${key} NOT NULL,
        name_key ${key} NOT NULL,
        version INTEGER NOT NULL,
        created_at ${timestamp} NOT NULL,
        updated_at ${timestamp} NOT NULL)`,
        `CREATE TABLE ${t.flowVersions} (
        flow_id ${key} NOT NULL,
        version INTEGER NOT NULL,
        document ${long} NOT NULL,
        saved_at ${timestamp} NOT NULL,
        PRIMARY KEY (flow_id, version))`,
      ];
    },
  },
  {
    id: 2,
    name: 'create-runs',
    statements: (t) => {
      const { key, text, long, timestamp } = t.dialect.types;
      return [
        `CREATE TABLE ${t.runs} (
        id ${key} PRIMARY KEY,
        flow_id ${key} NOT NULL,
        flow_version INTEGER NOT NULL,
        state ${key} NOT NULL,
        error ${long},
        failed_stage_id ${key},
        created_at ${timestamp} NOT NULL,
        started_at ${timestamp},
        finished_at ${timestamp})`,
        `CREATE TABLE ${t.runStages} (
        run_id ${key} NOT NULL,
        stage_id ${key} NOT NULL,
        ordinal INTEGER NOT NULL,
        label ${text} NOT NULL,
        stage_type ${key} NOT NULL,
        state ${key} NOT NULL,
        row_count BIGINT,
        duration_ms BIGINT,
        sql_text ${long},
        error ${long},
        PRIMARY KEY (run_id, stage_id))`,
      ];
    },
  },
  {
    id: 3,
    name: 'create-external-stages',
    statements: (t) => {
      const { key, text, timestamp } = t.dialect.types;
      return [
        `CREATE TABLE ${t.externalStages} (
        name ${key} PRIMARY KEY,
        url ${text} NOT NULL,
        comment ${text} NOT NULL,
        created_at ${timestamp} NOT NULL,
        updated_at ${timestamp} NOT NULL)`,
      ];
    },
  },
  {
    id: 4,
    name: 'add-external-stage-credentials',
    // Settings are the credentials that are not secret (region, endpoint, provider,
    // compression) as JSON; secrets hold the key id and secret key encrypted (credential-cipher.ts),
    // with their names beside them so the API can say which are set without decrypting.
    statements: (t) => {
      const { text } = t.dialect.types;
      return [
        `ALTER TABLE ${t.externalStages} ADD COLUMN settings ${text}`,
        `ALTER TABLE ${t.externalStages} ADD COLUMN secret_names ${text}`,
        `ALTER TABLE ${t.externalStages} ADD COLUMN secrets ${text}`,
      ];
    },
  },
  {
    id: 5,
    name: 'unique-flow-names',
    // Until now only a read before the write kept names apart, which concurrent requests on a
    // MySQL-family server could both pass. Flows that already share a name get `name (2)`, … so
    // the key can be added without losing any of them.
    prepare: renameDuplicateFlows,
    statements: (t) => [`CREATE UNIQUE INDEX flows_name_key ON ${t.flows} (name_key)`],
  },
  {
    id: 6,
    name: 'add-run-stage-table-rows',
    // A table destination's total rows after the run wrote it, beside the rows it wrote, so
    // an append shows what the table grew to.
    statements: (t) => [`ALTER TABLE ${t.runStages} ADD COLUMN table_rows BIGINT`],
  },
  {
    id: 7,
    name: 'add-run-started-by',
    // Who started a run (the editor, the API, or a re-run of a past run), for the history; runs
    // recorded before this column say nothing rather than guess.
    statements: (t) => [`ALTER TABLE ${t.runs} ADD COLUMN started_by ${t.dialect.types.key}`],
  },
  {
    id: 8,
    name: 'add-run-parameters',
    // The parameter values a run ran with (given or defaulted), as JSON by name, for the history
    // and re-runs; runs recorded before flows had parameters hold NULL.
    statements: (t) => [`ALTER TABLE ${t.runs} ADD COLUMN parameters ${t.dialect.types.long}`],
  },
  {
    id: 9,
    name: 'add-run-stage-peek',
    // The first rows a peek destination read, as JSON text, kept with the run so a past run
    // reopened from the history shows them again.
    statements: (t) => [`ALTER TABLE ${t.runStages} ADD COLUMN peek_rows ${t.dialect.types.long}`],
  },
  {
    id: 10,
    name: 'add-external-stage-disabled-at',
    // When an external stage was turned off; empty means it is in use. Sluice refuses flows
    // that use a disabled one, since MatrixOne stores ENABLE but does not enforce it.
    statements: (t) => [
      `ALTER TABLE ${t.externalStages} ADD COLUMN disabled_at ${t.dialect.types.timestamp}`,
    ],
  },
  {
    id: 11,
    name: 'add-flow-latest-document',
    // Each flow's latest document and its number of stages on the flow's own row, so loading a
    // flow and listing flows read one row per flow. Found through its version they scanned every
    // saved version, which grew with each save, and on DuckDB kept the whole history in memory.
    statements: (t) => [
      `ALTER TABLE ${t.flows} ADD COLUMN document ${t.dialect.types.long}`,
      `ALTER TABLE ${t.flows} ADD COLUMN stage_count INTEGER`,
      `UPDATE ${t.flows} SET document = (SELECT v.document FROM ${t.flowVersions} v
         WHERE v.flow_id = ${t.flows}.id AND v.version = ${t.flows}.version)`,
      `UPDATE ${t.flows} SET stage_count = ${t.dialect.jsonArrayLength('document', '$.stages')}`,
    ],
  },
];
