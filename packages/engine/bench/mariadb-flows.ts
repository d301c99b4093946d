import { join } from 'node:path';

import type { ServerLocation } from '../test/mariadb';
import { COLUMNS, EXPORT_FILE } from './bench-plans';

/** The MariaDB benchmark's flows: load → filter → table (overwrite, append) or CSV export. */
export const MARIADB_FLOWS = ['overwrite', 'append', 'export'] as const;
export type MariaDbFlow = (typeof MARIADB_FLOWS)[number];

export const FLOW_NAMES: Record<MariaDbFlow, string> = {
  overwrite: 'load → filter → table, overwrite',
  append: 'load → filter → table, append',
  export: 'load → filter → CSV export',
};

/** Column definitions as Sluice's MariaDB staging table spells them (VARCHAR is LONGTEXT). */
export const MARIADB_COLUMNS = COLUMNS.map(
  (c) => `${c.name} ${c.type === 'VARCHAR' ? 'LONGTEXT' : c.type}`,
).join(', ');

/** One measured run, handed to a process of its own so its peak RSS is the run's alone. */
export interface RunRequest {
  side: 'sluice' | 'hand';
  flow: MariaDbFlow;
  location: ServerLocation;
  metaDatabase: string;
  /** The `bench` external stage's folder: input and exports. */
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
export const outputFile = (dir: string, side: RunRequest['side']) =>
  join(dir, side === 'sluice' ? EXPORT_FILE : 'hand-out.csv');
