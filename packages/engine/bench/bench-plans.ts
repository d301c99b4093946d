import type { Plan, PlanStep } from '@sluice/compiler';

import { sqlString } from '../src/sql-literal';

/** The benchmark's input: `rows` lines of (id, category, amount, created_on). */
export function generateCsvSql(path: string, rows: number): string {
  return (
    `COPY (SELECT range AS id, 'cat-' || (range % 50) AS category, ` +
    `round((range * 7919) % 100000 / 100.0, 2) AS amount, ` +
    `DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS created_on FROM range(${String(rows)})) ` +
    `TO ${sqlString(path)} (FORMAT csv, HEADER)`
  );
}

/** The same explicit read_csv the compiler emits: every option and column spelled out. */
export function readCsv(path: string): string {
  return (
    `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', ` +
    `skip = 0, nullstr = '', auto_detect = false, columns = {'id': 'BIGINT', ` +
    `'category': 'VARCHAR', 'amount': 'DOUBLE', 'created_on': 'DATE'})`
  );
}

export const FILTER = 'amount > 500';

/** Hand-written equivalents: one statement each, no staging. */
export const handWritten = {
  table: (csv: string) => `CREATE TABLE hand_dest AS SELECT * FROM ${readCsv(csv)} WHERE ${FILTER}`,
  export: (csv: string, out: string) =>
    `COPY (SELECT * FROM ${readCsv(csv)} WHERE ${FILTER}) TO ${sqlString(out)} (FORMAT csv, HEADER)`,
};

/** Load into a staging table and filter through a view, as compiled plans do. */
function loadAndFilter(tag: string, csv: string): PlanStep[] {
  return [
    {
      id: 'load',
      phase: 'load',
      stageId: 'orders',
      sql: `CREATE TABLE stg_${tag}_orders AS SELECT * FROM ${readCsv(csv)}`,
      rowsFrom: 'changes',
      files: [{ ref: { externalStage: 'bench', path: 'orders.csv' }, mode: 'read', local: csv }],
    },
    {
      id: 'filter',
      phase: 'transform',
      stageId: 'big-orders',
      sql: `CREATE VIEW stg_${tag}_big AS SELECT * FROM stg_${tag}_orders WHERE ${FILTER}`,
      rowsFrom: 'count',
      rowCountSql: `SELECT count(*) FROM stg_${tag}_big`,
    },
  ];
}

function planOf(tag: string, steps: PlanStep[]): Plan {
  return {
    dialect: 'duckdb',
    runTag: tag,
    steps,
    cleanup: [
      { id: 'drop-big', phase: 'cleanup', sql: `DROP VIEW IF EXISTS stg_${tag}_big` },
      { id: 'drop-orders', phase: 'cleanup', sql: `DROP TABLE IF EXISTS stg_${tag}_orders` },
    ],
    staging: [`stg_${tag}_orders`, `stg_${tag}_big`],
  };
}

/** load → filter → table (created if missing, appended). */
export function tablePlan(tag: string, csv: string): Plan {
  return planOf(tag, [
    ...loadAndFilter(tag, csv),
    {
      id: 'create-dest',
      phase: 'write',
      stageId: 'dest',
      sql: `CREATE TABLE IF NOT EXISTS sluice_dest AS SELECT * FROM stg_${tag}_big LIMIT 0`,
    },
    {
      id: 'write-dest',
      phase: 'write',
      stageId: 'dest',
      sql: `INSERT INTO sluice_dest SELECT * FROM stg_${tag}_big`,
      rowsFrom: 'changes',
    },
  ]);
}

/** load → filter → CSV export, written under a temporary name and renamed after commit. */
export function exportPlan(tag: string, csv: string, out: string): Plan {
  const temp = `${out}.${tag}.tmp`;
  return planOf(tag, [
    ...loadAndFilter(tag, csv),
    {
      id: 'export',
      phase: 'export',
      stageId: 'export',
      sql: `COPY (SELECT * FROM stg_${tag}_big) TO ${sqlString(temp)} (FORMAT csv, HEADER)`,
      rowsFrom: 'changes',
      files: [
        { ref: { externalStage: 'bench', path: 'big.csv' }, mode: 'write', local: out, temp },
      ],
    },
  ]);
}
