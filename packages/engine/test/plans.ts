import type { Plan, PlanFile, PlanStep } from '@sluice/compiler';

import type { RunEvent } from '../src/run-events';

/** Single-quoted SQL string literal for paths in hand-written test plans. */
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The CSV reader options the compiler spells out for DuckDB. */
export function readCsvSql(path: string, columns: string): string {
  return (
    `read_csv(${literal(path)}, header = true, delim = ',', quote = '"', escape = '"', ` +
    `skip = 0, nullstr = '', auto_detect = false, columns = {${columns}})`
  );
}

export function inputFile(local: string, path = 'input.csv'): PlanFile {
  return { ref: { externalStage: 'landing', path }, mode: 'read', local };
}

/** Load a CSV of (id INTEGER, amount DOUBLE) into a staging table; CTAS reports its rows. */
export function loadStep(tag: string, local: string): PlanStep {
  const table = `stg_${tag}_load`;
  return {
    id: 'load',
    phase: 'load',
    stageId: 'load',
    sql: `CREATE TABLE ${table} AS SELECT * FROM ${readCsvSql(local, "'id': 'INTEGER', 'amount': 'DOUBLE'")}`,
    inTransaction: true,
    rowsFrom: 'changes',
    files: [inputFile(local)],
  };
}

export function filterStep(tag: string): PlanStep {
  return {
    id: 'filter',
    phase: 'transform',
    stageId: 'filter',
    sql: `CREATE VIEW stg_${tag}_filter AS SELECT * FROM stg_${tag}_load WHERE amount > 10`,
    inTransaction: true,
    rowsFrom: 'count',
    rowCountSql: `SELECT count(*) FROM stg_${tag}_filter`,
  };
}

/** A plan from steps, with cleanup dropping the run's staging load table and filter view. */
export function planOf(tag: string, steps: PlanStep[]): Plan {
  return {
    dialect: 'duckdb',
    runTag: tag,
    steps,
    cleanup: [
      {
        id: 'drop-filter',
        phase: 'cleanup',
        sql: `DROP VIEW IF EXISTS stg_${tag}_filter`,
        inTransaction: false,
      },
      {
        id: 'drop-load',
        phase: 'cleanup',
        sql: `DROP TABLE IF EXISTS stg_${tag}_load`,
        inTransaction: false,
      },
    ],
    staging: [`stg_${tag}_load`, `stg_${tag}_filter`],
    destinations: [],
  };
}

/** Events reduced to `stage:state`, the order the run panel sees. */
export const states = (events: readonly RunEvent[]) => events.map((e) => `${e.stageId}:${e.state}`);
