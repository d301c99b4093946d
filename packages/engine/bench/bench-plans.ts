import { join } from 'node:path';

import type { Plan, TargetProfile } from '@sluice/compiler';
import type { FlowDocument, Stage } from '@sluice/flow';
import type { TableDefinition, TableRef } from '@sluice/stages';
import { analyzeFlow, compileFlow, getDialect } from '@sluice/compiler';
import { getStage } from '@sluice/stages';

const sqlString = (text: string): string => getDialect('duckdb').literal(text);

/** The embedded DuckDB as the compiler sees it; its version gates nothing DuckDB runs. */
export const DUCKDB: TargetProfile = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.5' };

/** The benchmark's main input, and the small file the join looks categories up in. */
export const ORDERS_FILE = 'orders.csv';
export const CATEGORIES_FILE = 'categories.csv';
export const CATEGORIES = 50;

/** `rows` lines of (id, category, amount, created_on). */
export function generateOrdersSql(path: string, rows: number): string {
  return (
    `COPY (SELECT range AS id, 'cat-' || (range % ${String(CATEGORIES)}) AS category, ` +
    `round((range * 7919) % 100000 / 100.0, 2) AS amount, ` +
    `DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS created_on FROM range(${String(rows)})) ` +
    `TO ${sqlString(path)} (FORMAT csv, HEADER)`
  );
}

/** One line per category: (category, label). */
export function generateCategoriesSql(path: string): string {
  return (
    `COPY (SELECT 'cat-' || range AS category, 'Category ' || range AS label ` +
    `FROM range(${String(CATEGORIES)})) TO ${sqlString(path)} (FORMAT csv, HEADER)`
  );
}

/** The inputs' columns, given in the flow as a person would after detecting them once. */
export const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'category', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
  { name: 'created_on', type: 'DATE' },
];
export const CATEGORY_COLUMNS = [
  { name: 'category', type: 'VARCHAR' },
  { name: 'label', type: 'VARCHAR' },
];
export const FILTER = 'amount > 500';

/**
 * The flows measured: a plain load, the filtered load (overwrite, append), the filtered
 * export, a per-category aggregate and the lookup join, each into `sluice_dest` or a CSV file.
 */
export const FLOWS = ['plain', 'overwrite', 'append', 'export', 'aggregate', 'join'] as const;
export type BenchFlow = (typeof FLOWS)[number];

/**
 * The flows `BENCH_FLOWS` (comma-separated names of `FLOWS`) picks to rerun, or all of them.
 * @example selectedFlows('aggregate,join') // ['aggregate', 'join']
 */
export function selectedFlows(list = process.env.BENCH_FLOWS): readonly BenchFlow[] {
  if (list === undefined || list === '') return FLOWS;
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(FLOWS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_FLOWS names no benchmark flow ${unknown.join(', ')}: use ${FLOWS.join(', ')}.`,
    );
  }
  return FLOWS.filter((flow) => names.includes(flow));
}

export const FLOW_NAMES: Record<BenchFlow, string> = {
  plain: 'file → table',
  overwrite: 'file → filter → table, overwrite',
  append: 'file → filter → table, append',
  export: 'file → filter → CSV export',
  aggregate: 'file → aggregate → table',
  join: 'file ⋈ file → table',
};

function stage(id: string, type: string, config: Record<string, unknown>): Stage {
  const definition = getStage(type);
  if (!definition) throw new Error(`No stage type ${type}.`);
  const position = { x: 0, y: 0 };
  const settings = { ...definition.defaults, ...config };
  return { id, type, typeVersion: definition.version, label: id, position, config: settings };
}

const link = (from: string, to: string, port = 'in') => ({
  id: `${from}-${to}`,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port },
});

const source = (id: string, path: string, columns: readonly object[]) =>
  stage(id, 'file-source', { externalStage: 'bench', path, columns });

/** The flow a person would draw for each benchmark. */
function flowDocument(flow: BenchFlow): FlowDocument {
  const orders = source('orders', ORDERS_FILE, COLUMNS);
  const table = (mode: string) => stage('dest', 'table-destination', { table: DEST_TABLE, mode });
  const chain = (...stages: Stage[]): FlowDocument => ({
    schemaVersion: 1,
    stages: [orders, ...stages],
    links: [orders, ...stages].slice(1).map((s, i) => link([orders, ...stages][i]?.id ?? '', s.id)),
  });
  const filter = stage('big-orders', 'filter', { condition: FILTER });
  switch (flow) {
    case 'plain':
      return chain(table('overwrite'));
    case 'overwrite':
    case 'append':
      return chain(filter, table(flow));
    case 'export':
      return chain(
        filter,
        stage('export', 'file-export', { externalStage: 'bench', path: EXPORT_FILE }),
      );
    case 'aggregate':
      return chain(
        stage('per-category', 'aggregate', {
          groupBy: ['category'],
          aggregates: [
            { fn: 'count', as: 'orders' },
            { fn: 'sum', column: 'amount', as: 'total' },
          ],
        }),
        table('overwrite'),
      );
    case 'join': {
      const categories = source('categories', CATEGORIES_FILE, CATEGORY_COLUMNS);
      const join = stage('labelled', 'join', {
        kind: 'inner',
        keys: [{ left: 'category', right: 'category' }],
        leftPrefix: '',
        rightPrefix: 'c_',
      });
      return {
        schemaVersion: 1,
        stages: [orders, categories, join, table('overwrite')],
        links: [
          link('orders', 'labelled', 'left'),
          link('categories', 'labelled', 'right'),
          link('labelled', 'dest'),
        ],
      };
    }
  }
}

/** What a benchmark plan is compiled for; files of the `bench` external stage live in `dir`. */
export interface BenchTarget {
  target: TargetProfile;
  runTag: string;
  dir: string;
  /** Destination tables that exist before the run (MySQL family: decides the shadow swap). */
  existingTables?: readonly TableRef[];
  /** Their definitions, as a run reads them: an overwrite keeps a table that takes its rows. */
  tableDefinitions?: readonly TableDefinition[];
}

/** Compiles a flow with the real compiler, as a run does. */
function compile(doc: FlowDocument, options: BenchTarget): Plan {
  const { plan, diagnostics } = compileFlow(analyzeFlow(doc), {
    target: options.target,
    runTag: options.runTag,
    resolveFile: (ref) => join(options.dir, ref.path),
    ...(options.existingTables ? { existingTables: options.existingTables } : {}),
    ...(options.tableDefinitions ? { tableDefinitions: options.tableDefinitions } : {}),
  });
  if (!plan) throw new Error(`The benchmark flow did not compile: ${JSON.stringify(diagnostics)}`);
  return plan;
}

/** The benchmark's destination table, written by every side. */
export const DEST_TABLE = 'sluice_dest';

/** The export's file name in the `bench` external stage. */
export const EXPORT_FILE = 'sluice-out.csv';

/** One benchmark flow compiled for a target. */
export function flowPlan(flow: BenchFlow, options: BenchTarget): Plan {
  return compile(flowDocument(flow), options);
}

/** The export measured on its own: table `table` → `file` as CSV or JSON lines. */
export function tableExportPlan(
  { format, table, file }: { format: 'csv' | 'jsonl'; table: string; file: string },
  options: BenchTarget,
): Plan {
  const from = stage('rows', 'table-source', { table });
  const out = stage('export', 'file-export', { externalStage: 'bench', path: file, format });
  return compile(
    { schemaVersion: 1, stages: [from, out], links: [link('rows', 'export')] },
    options,
  );
}
