import type { FileRef } from '@sluice/stages';

/** The dialects a plan can be compiled for. Only DuckDB is implemented so far. */
export const DIALECTS = ['duckdb'] as const;
export type DialectName = (typeof DIALECTS)[number];

/** The phases of a run, in order (design.md, "Compile"). */
export const PHASES = ['prepare', 'load', 'transform', 'write', 'export', 'cleanup'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * One SQL statement of a plan. `sql` is complete for its dialect: identifiers quoted and values
 * escaped by the dialect's one literal function. The engine runs steps in array order.
 */
export interface PlanStep {
  id: string;
  phase: Phase;
  /** The stage this step reports to; prepare and cleanup steps may have none. */
  stageId?: string;
  sql: string;
  /** Run after `sql` to count the rows the stage produced (one row, one integer column). */
  rowCountSql?: string;
  /**
   * How the engine learns the rows this step produced: `count` runs `rowCountSql` after `sql`;
   * `changes` takes the statement's own changed-row count (DuckDB: the result's `rowsChanged`,
   * which `INSERT`, `CREATE TABLE … AS` and `COPY` report). Absent: the step produces no rows of
   * its own (it prepares a table or checks one exists).
   */
  rowsFrom?: 'count' | 'changes';
  /** Files this step reads or writes, for the engine's checks and streaming. */
  files?: readonly PlanFile[];
}

/** A file a step touches: `local` is where the engine resolved it; exports write to `temp` first. */
export interface PlanFile {
  ref: FileRef;
  mode: 'read' | 'write';
  local: string;
  /** For writes: where the step writes; the engine renames it to `local` after commit. */
  temp?: string;
}

/** The compiled, ordered SQL of one flow for one dialect. */
export interface Plan {
  dialect: DialectName;
  /** Unique per run; staging names carry it so concurrent runs never collide. */
  runTag: string;
  /** Steps of the prepare/load/transform/write/export phases, run inside one transaction. */
  steps: PlanStep[];
  /** Run after success, failure and cancel alike; each one must tolerate a missing object. */
  cleanup: PlanStep[];
  /** Tables and views the plan creates for itself, dropped by `cleanup`. */
  staging: string[];
}
