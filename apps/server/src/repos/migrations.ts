/**
 * The metadata schema, one numbered migration per change. Append new entries; never edit an
 * applied one, since `migrate` records each id in `sluice.schema_migrations`.
 */

import type { MetaTables } from './meta-schema';

export interface SchemaMigration {
  id: number;
  name: string;
  /** The statements, given the qualified table names. */
  statements: (t: MetaTables) => readonly string[];
}

export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'create-flows',
    statements: (t) => [
      `CREATE TABLE ${t.flows} (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        name_key VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE ${t.flowVersions} (
        flow_id VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        document VARCHAR NOT NULL,
        saved_at TIMESTAMP NOT NULL,
        PRIMARY KEY (flow_id, version))`,
    ],
  },
  {
    id: 2,
    name: 'create-runs',
    statements: (t) => [
      `CREATE TABLE ${t.runs} (
        id VARCHAR PRIMARY KEY,
        flow_id VARCHAR NOT NULL,
        flow_version INTEGER NOT NULL,
        state VARCHAR NOT NULL,
        error VARCHAR,
        failed_stage_id VARCHAR,
        created_at TIMESTAMP NOT NULL,
        started_at TIMESTAMP,
        finished_at TIMESTAMP)`,
      `CREATE TABLE ${t.runStages} (
        run_id VARCHAR NOT NULL,
        stage_id VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL,
        label VARCHAR NOT NULL,
        stage_type VARCHAR NOT NULL,
        state VARCHAR NOT NULL,
        row_count BIGINT,
        duration_ms BIGINT,
        sql_text VARCHAR,
        error VARCHAR,
        PRIMARY KEY (run_id, stage_id))`,
    ],
  },
  {
    id: 3,
    name: 'create-external-stages',
    statements: (t) => [
      `CREATE TABLE ${t.externalStages} (
        name VARCHAR PRIMARY KEY,
        url VARCHAR NOT NULL,
        comment VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL)`,
    ],
  },
];
