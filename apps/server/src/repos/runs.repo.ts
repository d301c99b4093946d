import { z } from 'zod';

import type { SqlClient } from '@sluice/engine';
import type { ParameterValue } from '@sluice/flow';

import type {
  RunDetail,
  RunEnding,
  RunStageDetail,
  RunStarter,
  StageRunState,
} from '../runs/run-types';
import type { MetaTables } from './meta-schema';
import { NotFoundError } from '../errors';
import { isoOf, stampOf } from './meta-dialect';

interface RunRow extends Record<string, unknown> {
  id: string;
  flow_id: string;
  flow_version: number;
  state: RunDetail['state'];
  started_by: RunStarter | null;
  parameters: string | null;
  error: string | null;
  failed_stage_id: string | null;
  created_at: unknown;
  started_at: unknown;
  finished_at: unknown;
}

interface StageRow extends Record<string, unknown> {
  run_id: string;
  stage_id: string;
  label: string;
  stage_type: string;
  state: StageRunState;
  row_count: number | string | null;
  table_rows: number | string | null;
  duration_ms: number | string | null;
  sql_text: string | null;
  error: string | null;
  peeked: number | string;
}

/** The rows a peek keeps with its run: its columns with the target's type names, and values. */
export const StagePeekSchema = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  more: z.boolean(),
});
export type StagePeek = z.infer<typeof StagePeekSchema>;

/** A stage update from the engine, as it is persisted. */
export interface StageUpdate {
  stageId: string;
  state: StageRunState;
  rows?: number;
  tableRows?: number;
  durationMs?: number;
  sql?: string;
  error?: string;
}

const RUN_COLUMNS = `id, flow_id, flow_version, state, started_by, parameters, error, failed_stage_id,
  created_at, started_at, finished_at`;
const STAGE_COLUMNS =
  's.run_id, s.stage_id, s.label, s.stage_type, s.state, s.row_count, s.table_rows, s.duration_ms, s.error, ' +
  'CASE WHEN s.peek_rows IS NULL THEN 0 ELSE 1 END AS peeked';

function toStage(row: StageRow, withSql: boolean): RunStageDetail {
  return {
    stageId: row.stage_id,
    label: row.label,
    type: row.stage_type,
    state: row.state,
    ...(row.row_count === null ? {} : { rows: Number(row.row_count) }),
    ...(row.table_rows === null ? {} : { tableRows: Number(row.table_rows) }),
    ...(row.duration_ms === null ? {} : { durationMs: Number(row.duration_ms) }),
    ...(withSql && row.sql_text !== null ? { sql: row.sql_text } : {}),
    ...(row.error === null ? {} : { error: row.error }),
    ...(Number(row.peeked) === 1 ? { peeked: true } : {}),
  };
}

function toDetail(row: RunRow, stages: RunStageDetail[]): RunDetail {
  return {
    id: row.id,
    flowId: row.flow_id,
    flowVersion: Number(row.flow_version),
    state: row.state,
    ...(row.started_by === null ? {} : { startedBy: row.started_by }),
    ...(row.parameters === null
      ? {}
      : { parameters: JSON.parse(row.parameters) as Record<string, ParameterValue> }),
    ...(row.error === null ? {} : { error: row.error }),
    ...(row.failed_stage_id === null ? {} : { failedStageId: row.failed_stage_id }),
    createdAt: isoOf(row.created_at),
    ...(row.started_at === null ? {} : { startedAt: isoOf(row.started_at) }),
    ...(row.finished_at === null ? {} : { finishedAt: isoOf(row.finished_at) }),
    stages,
  };
}

/** Runs and their per-stage progress (`sluice.runs`, `sluice.run_stages`). */
export class RunsRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly t: MetaTables,
  ) {}

  /** Records a queued run with every stage pending, before anything executes. */
  async create(input: {
    id: string;
    flowId: string;
    flowVersion: number;
    startedBy: RunStarter;
    /** Stored only for flows that declare parameters. */
    parameters?: Record<string, ParameterValue>;
    stages: readonly { stageId: string; label: string; type: string }[];
  }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO ${this.t.runs} (id, flow_id, flow_version, state, started_by, parameters, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?)`,
        [
          input.id,
          input.flowId,
          input.flowVersion,
          input.startedBy,
          input.parameters === undefined ? null : JSON.stringify(input.parameters),
          stampOf(),
        ],
      );
      for (const [ordinal, stage] of input.stages.entries()) {
        await tx.run(
          `INSERT INTO ${this.t.runStages} (run_id, stage_id, ordinal, label, stage_type, state)
           VALUES (?, ?, ?, ?, ?, 'pending')`,
          [input.id, stage.stageId, ordinal, stage.label, stage.type],
        );
      }
    });
  }

  async markRunning(id: string): Promise<void> {
    await this.db.run(`UPDATE ${this.t.runs} SET state = 'running', started_at = ? WHERE id = ?`, [
      stampOf(),
      id,
    ]);
  }

  async updateStage(runId: string, update: StageUpdate): Promise<void> {
    await this.db.run(
      `UPDATE ${this.t.runStages} SET state = ?, row_count = coalesce(?, row_count),
         table_rows = coalesce(?, table_rows), duration_ms = coalesce(?, duration_ms),
         sql_text = coalesce(?, sql_text), error = coalesce(?, error)
       WHERE run_id = ? AND stage_id = ?`,
      [
        update.state,
        update.rows ?? null,
        update.tableRows ?? null,
        update.durationMs === undefined ? null : Math.round(update.durationMs),
        update.sql ?? null,
        update.error ?? null,
        runId,
        update.stageId,
      ],
    );
  }

  /** Keeps the rows a peek read, reported once the run they belong to has succeeded. */
  async savePeek(runId: string, peek: StagePeek & { stageId: string }): Promise<void> {
    const { stageId, ...kept } = peek;
    await this.db.run(
      `UPDATE ${this.t.runStages} SET peek_rows = ? WHERE run_id = ? AND stage_id = ?`,
      [JSON.stringify(kept), runId, stageId],
    );
  }

  /**
   * The rows a peek stage of a succeeded run read; `undefined` when the run did not succeed or
   * the stage kept none (it is no peek, or the run predates peeks).
   */
  async peekOf(runId: string, stageId: string): Promise<StagePeek | undefined> {
    const [row] = await this.db.query<{ peek_rows: string | null }>(
      `SELECT s.peek_rows FROM ${this.t.runStages} s JOIN ${this.t.runs} r ON r.id = s.run_id
       WHERE s.run_id = ? AND s.stage_id = ? AND r.state = 'succeeded'`,
      [runId, stageId],
    );
    if (row?.peek_rows === undefined || row.peek_rows === null) return undefined;
    return StagePeekSchema.parse(JSON.parse(row.peek_rows));
  }

  /**
   * Ends a run. Stages that never started become skipped; a stage still running when the run
   * ended is cancelled with a cancelled run, else failed with the run's error, since it did
   * not finish its work.
   */
  async finish(id: string, ending: RunEnding): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `UPDATE ${this.t.runs} SET state = ?, error = ?, failed_stage_id = ?, finished_at = ? WHERE id = ?`,
        [ending.state, ending.error ?? null, ending.failedStageId ?? null, stampOf(), id],
      );
      await tx.run(
        `UPDATE ${this.t.runStages} SET state = 'skipped' WHERE run_id = ? AND state = 'pending'`,
        [id],
      );
      await tx.run(
        `UPDATE ${this.t.runStages} SET state = ?, error = coalesce(error, ?)
         WHERE run_id = ? AND state = 'running'`,
        [
          ending.state === 'cancelled' ? 'cancelled' : 'failed',
          ending.error ?? `The run ended ${ending.state}.`,
          id,
        ],
      );
    });
  }

  /** Marks runs a previous process left unfinished as interrupted; returns how many. */
  async interruptUnfinished(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const ids = await tx.query<{ id: string }>(
        `SELECT id FROM ${this.t.runs} WHERE state IN ('queued', 'running')`,
      );
      for (const { id } of ids) {
        await tx.run(
          `UPDATE ${this.t.runs} SET state = 'interrupted', finished_at = ?,
             error = 'The server stopped while this run was in progress.' WHERE id = ?`,
          [stampOf(), id],
        );
        await tx.run(
          `UPDATE ${this.t.runStages} SET state = 'skipped' WHERE run_id = ? AND state IN ('pending', 'running')`,
          [id],
        );
      }
      return ids.length;
    });
  }

  async byId(id: string): Promise<RunDetail> {
    const [run] = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM ${this.t.runs} WHERE id = ?`,
      [id],
    );
    if (!run)
      throw new NotFoundError(`Run "${id}" does not exist; its flow may have been deleted.`);
    const stages = await this.db.query<StageRow>(
      `SELECT ${STAGE_COLUMNS}, s.sql_text FROM ${this.t.runStages} s WHERE s.run_id = ? ORDER BY s.ordinal`,
      [id],
    );
    return toDetail(
      run,
      stages.map((row) => toStage(row, true)),
    );
  }

  /** The newest runs of a flow (at most `limit`), without the SQL each stage ran. */
  async listForFlow(flowId: string, limit = 50): Promise<RunDetail[]> {
    const runs = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM ${this.t.runs} WHERE flow_id = ? ORDER BY created_at DESC, id LIMIT ?`,
      [flowId, limit],
    );
    const stages = await this.db.query<StageRow>(
      `SELECT ${STAGE_COLUMNS}, NULL AS sql_text FROM ${this.t.runStages} s
       JOIN (SELECT id FROM ${this.t.runs} WHERE flow_id = ? ORDER BY created_at DESC, id LIMIT ?) r
         ON r.id = s.run_id
       ORDER BY s.ordinal`,
      [flowId, limit],
    );
    const byRun = new Map<string, StageRow[]>();
    for (const row of stages) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row]);
    return runs.map((run) =>
      toDetail(
        run,
        (byRun.get(run.id) ?? []).map((row) => toStage(row, false)),
      ),
    );
  }
}
