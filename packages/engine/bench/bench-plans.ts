import { join } from 'node:path';

import type { Plan, TargetProfile } from '@sluice/compiler';
import type { FlowDocument, Stage } from '@sluice/flow';
import { compileFlow, getDialect } from '@sluice/compiler';
import { getStage } from '@sluice/stages';

const sqlString = (text: string): string => getDialect('duckdb').literal(text);

/** The benchmark runs on the embedded DuckDB; the version only gates other targets' SQL. */
const DUCKDB: TargetProfile = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.5' };

/** The benchmark's input: `rows` lines of (id, category, amount, created_on). */
export function generateCsvSql(path: string, rows: number): string {
  return (
    `COPY (SELECT range AS id, 'cat-' || (range % 50) AS category, ` +
    `round((range * 7919) % 100000 / 100.0, 2) AS amount, ` +
    `DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS created_on FROM range(${String(rows)})) ` +
    `TO ${sqlString(path)} (FORMAT csv, HEADER)`
  );
}

const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'category', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'created_on', type: 'DATE' },
];
const FILTER = 'amount > 500';

/** The read_csv call the compiler emits for the source stage, for the hand-written side. */
function readCsv(path: string): string {
  return (
    `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '', skip = 0, strict_mode = true, null_padding = false, ignore_errors = false, ` +
    `columns = {'id': 'BIGINT', 'category': 'VARCHAR', 'amount': 'DOUBLE', ` +
    `'created_on': 'DATE'}, auto_detect = false)`
  );
}

/** Hand-written equivalents: one statement each, no staging. */
export const handWritten = {
  table: (csv: string) => `CREATE TABLE hand_dest AS SELECT * FROM ${readCsv(csv)} WHERE ${FILTER}`,
  export: (csv: string, out: string) =>
    `COPY (SELECT * FROM ${readCsv(csv)} WHERE ${FILTER}) TO ${sqlString(out)} (FORMAT csv, HEADER)`,
};

function stage(id: string, type: string, config: Record<string, unknown>): Stage {
  const defaults = getStage(type)?.defaults ?? {};
  const position = { x: 0, y: 0 };
  return { id, type, typeVersion: 1, label: id, position, config: { ...defaults, ...config } };
}

/** orders.csv → filter → `last`, the flow a person would draw for each benchmark. */
function ordersFlow(last: Stage): FlowDocument {
  const link = (id: string, from: string, to: string) => ({
    id,
    source: { stageId: from, port: 'out' },
    target: { stageId: to, port: 'in' },
  });
  return {
    schemaVersion: 1,
    stages: [
      stage('orders', 'file-source', {
        externalStage: 'bench',
        path: 'orders.csv',
        columns: COLUMNS,
      }),
      stage('big-orders', 'filter', { condition: FILTER }),
      last,
    ],
    links: [link('l1', 'orders', 'big-orders'), link('l2', 'big-orders', last.id)],
  };
}

/** Compiles a flow with the real compiler; files of the `bench` external stage live in `dir`. */
function compile(doc: FlowDocument, runTag: string, dir: string): Plan {
  const resolveFile = (ref: { path: string }) => join(dir, ref.path);
  const { plan, diagnostics } = compileFlow(doc, { target: DUCKDB, runTag, resolveFile });
  if (!plan) throw new Error(`The benchmark flow did not compile: ${JSON.stringify(diagnostics)}`);
  return plan;
}

/** load → filter → table `sluice_dest` (created if missing, appended). */
export function tablePlan(runTag: string, dir: string): Plan {
  const dest = stage('dest', 'table-destination', { table: 'sluice_dest', mode: 'append' });
  return compile(ordersFlow(dest), runTag, dir);
}

/** load → filter → `sluice-out.csv`, written under a temporary name and renamed after commit. */
export function exportPlan(runTag: string, dir: string): Plan {
  const out = stage('export', 'file-export', { externalStage: 'bench', path: 'sluice-out.csv' });
  return compile(ordersFlow(out), runTag, dir);
}
