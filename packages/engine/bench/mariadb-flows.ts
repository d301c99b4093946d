import { join } from 'node:path';

import type { ServerLocation } from '../test/mariadb';
import type { BenchFlow } from './bench-plans';
import { CATEGORY_COLUMNS, COLUMNS, EXPORT_FILE } from './bench-plans';

/** What one measured MariaDB run does: a benchmark flow, or a table exported as CSV or JSON lines. */
export type MariaDbWork = BenchFlow | 'table-csv' | 'table-jsonl';

/**
 * Who does the work: Sluice's plan, the hand-written SQL, or a record-batch tool (rows parsed
 * in Node, written with INSERTs of 1,000 rows, or of one row).
 */
export const SIDES = ['sluice', 'hand', 'batch', 'rows'] as const;
export type Side = (typeof SIDES)[number];

/** The rows the row-at-a-time side writes; its time is scaled up to the whole file. */
export const ROW_BY_ROW_ROWS = 50_000;

/** The table the export measure reads, and its size. */
export const EXPORT_TABLE = 'export_rows';
export const EXPORT_ROWS = 1_000_000;

const definitions = (columns: readonly { name: string; type: string }[], text: string) =>
  columns.map((c) => `${c.name} ${c.type === 'VARCHAR' ? text : c.type}`).join(', ');

/** The orders' columns as a table of them is defined: text of any length (LONGTEXT). */
export const ORDER_COLUMNS = definitions(COLUMNS, 'LONGTEXT');
/**
 * The inputs' columns as Sluice's MariaDB staging spells them (text as VARCHAR(255), where the
 * server groups and hash-joins fastest), which the expert's staging copies.
 */
export const STAGED_ORDER_COLUMNS = definitions(COLUMNS, 'VARCHAR(255)');
export const STAGED_CATEGORY_COLUMNS = definitions(CATEGORY_COLUMNS, 'VARCHAR(255)');

/** The destination's columns before a run, as a tool that inserts into it needs them. */
export function destinationColumns(flow: BenchFlow): string {
  if (flow === 'aggregate') return 'category LONGTEXT, orders BIGINT, total DOUBLE';
  if (flow === 'join') return `${ORDER_COLUMNS}, label LONGTEXT`;
  return ORDER_COLUMNS;
}

/** One measured run, handed to a process of its own so its peak RSS is the run's alone. */
export interface RunRequest {
  side: Side;
  work: MariaDbWork;
  location: ServerLocation;
  metaDatabase: string;
  /** The `bench` external stage's folder: inputs and exports. */
  dir: string;
  runTag: string;
}

export interface RunMeasure {
  seconds: number;
  /** The process's peak resident set size over its life, and its size before the run. */
  peakRssMiB: number;
  startRssMiB: number;
  /** Sluice only: seconds per stage. */
  stageSeconds: [string, number][];
}

/** Where a side's export lands in the `bench` folder. */
export const outputFile = (dir: string, side: Side) =>
  join(dir, side === 'sluice' ? EXPORT_FILE : `${side}-out.csv`);
