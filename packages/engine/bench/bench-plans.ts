import { join } from 'node:path';

import type { Plan, TargetProfile } from '@sluice/compiler';
import type { FlowDocument, Stage } from '@sluice/flow';
import type { TableRef } from '@sluice/stages';
import { analyzeFlow, compileFlow, getDialect } from '@sluice/compiler';
import { getStage } from '@sluice/stages';

const sqlString = (text: string): string => getDialect('duckdb').literal(text);

/** The embedded DuckDB as the compiler sees it; its version gates nothing DuckDB runs. */
export const DUCKDB: TargetProfile = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.5' };

/** The benchmark's input: `rows` lines of (id, category, amount, created_on). */
export function generateCsvSql(path: string, rows: number): string {
  return (
    `COPY (SELECT range AS id, 'cat-' || (range % 50) AS category, ` +
    `round((range * 7919) % 100000 / 100.0, 2) AS amount, ` +
    `DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS created_on FROM range(${String(rows)})) ` +
    `TO ${sqlString(path)} (FORMAT csv, HEADER)`
  );
}

/** The input's columns, given in the flow as a person would after detecting them once. */
export const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'category', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'created_on', type: 'DATE' },
];
export const FILTER = 'amount > 500';

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
  const definition = getStage(type);
  if (!definition) throw new Error(`No stage type ${type}.`);
  const position = { x: 0, y: 0 };
  const settings = { ...definition.defaults, ...config };
  return { id, type, typeVersion: definition.version, label: id, position, config: settings };
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

/** What a benchmark plan is compiled for; files of the `bench` external stage live in `dir`. */
export interface BenchTarget {
  target: TargetProfile;
  runTag: string;
  dir: string;
  /** Destination tables that exist before the run (MySQL family: decides the shadow swap). */
  existingTables?: readonly TableRef[];
}

/** Compiles a flow with the real compiler, as a run does. */
function compile(doc: FlowDocument, options: BenchTarget): Plan {
  const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
    target: options.target,
    runTag: options.runTag,
    resolveFile: (ref) => join(options.dir, ref.path),
    ...(options.existingTables ? { existingTables: options.existingTables } : {}),
  });
  if (!plan) throw new Error(`The benchmark flow did not compile: ${JSON.stringify(diagnostics)}`);
  return plan;
}

/** The benchmark's destination table, written by both sides. */
export const DEST_TABLE = 'sluice_dest';

/** The export's file name in the `bench` external stage. */
export const EXPORT_FILE = 'sluice-out.csv';

/** load → filter → table `sluice_dest` (created if missing), appended or overwritten. */
export function tablePlan(mode: 'append' | 'overwrite', options: BenchTarget): Plan {
  const dest = stage('dest', 'table-destination', { table: DEST_TABLE, mode });
  return compile(ordersFlow(dest), options);
}

/** load → filter → `sluice-out.csv`, written under a temporary name and renamed after commit. */
export function exportPlan(options: BenchTarget): Plan {
  const out = stage('export', 'file-export', { externalStage: 'bench', path: EXPORT_FILE });
  return compile(ordersFlow(out), options);
}
