import type { PlanStep } from '@sluice/compiler';

import type { RunEvent, StageState } from './run-events';

interface StageRecord {
  state: StageState;
  startedAt: number;
  sql: string[];
  rows?: number;
  tableRows?: number;
}

/**
 * The stages one step runs: its own, then those inlined into its statement, each with the rows
 * it reports for them (the step's own rows where the stage's output is the same rows).
 */
export function stagesOf(
  step: PlanStep,
  rows?: number,
): { stageId: string; rows: number | undefined }[] {
  const own = step.stageId === undefined ? [] : [{ stageId: step.stageId, rows }];
  const inlined = (step.inlined ?? []).map((stage) => ({
    stageId: stage.stageId,
    rows: stage.rows === 'same' ? rows : undefined,
  }));
  return [...own, ...inlined];
}

/** Follows each stage of a plan through its states and emits one event per change. */
export class StageTracker {
  private readonly stages = new Map<string, StageRecord>();
  private readonly lastStep = new Map<string, number>();

  constructor(
    steps: readonly PlanStep[],
    private readonly emit: (event: RunEvent) => void,
  ) {
    steps.forEach((step, index) => {
      for (const { stageId } of stagesOf(step)) {
        if (!this.stages.has(stageId)) {
          this.stages.set(stageId, { state: 'pending', startedAt: 0, sql: [] });
        }
        this.lastStep.set(stageId, index);
      }
    });
  }

  private send(stageId: string, state: StageState, extra: Partial<RunEvent> = {}): void {
    this.emit({ kind: 'stage', stageId, state, ...extra, at: new Date().toISOString() });
  }

  /** Announces every stage as pending, in plan order. */
  announce(): void {
    for (const stageId of this.stages.keys()) this.send(stageId, 'pending');
  }

  /** Marks the stage running at its first step. */
  begin(stageId: string): void {
    const stage = this.stages.get(stageId);
    if (stage?.state !== 'pending') return;
    stage.state = 'running';
    stage.startedAt = performance.now();
    this.send(stageId, 'running');
  }

  /** Records a finished step; a step that counts rows replaces what earlier steps counted. */
  stepDone(stageId: string, sql: string, rows: number | undefined): void {
    const stage = this.stages.get(stageId);
    if (!stage) return;
    stage.sql.push(sql);
    if (rows !== undefined) stage.rows = rows;
  }

  /** Records a table destination's total rows after its write, reported when it succeeds. */
  tableTotal(stageId: string, rows: number): void {
    const stage = this.stages.get(stageId);
    if (stage) stage.tableRows = rows;
  }

  /** Records that a table destination's total is the rows it wrote (it replaced the table). */
  totalIsRows(stageId: string): void {
    const stage = this.stages.get(stageId);
    if (stage?.rows !== undefined) stage.tableRows = stage.rows;
  }

  isLastStep(stageId: string, index: number): boolean {
    return this.lastStep.get(stageId) === index;
  }

  succeed(stageId: string): void {
    const stage = this.stages.get(stageId);
    if (stage?.state !== 'running') return;
    stage.state = 'succeeded';
    this.send(stageId, 'succeeded', {
      ...(stage.rows === undefined ? {} : { rows: stage.rows }),
      ...(stage.tableRows === undefined ? {} : { tableRows: stage.tableRows }),
      durationMs: Math.round(performance.now() - stage.startedAt),
      sql: stage.sql.join(';\n'),
    });
  }

  /** Marks the stage failed; `failedSql` is the statement that failed, shown with the rest. */
  fail(stageId: string, error: string, failedSql?: string): void {
    const stage = this.stages.get(stageId);
    if (!stage || stage.state === 'failed') return;
    const sql = failedSql === undefined ? stage.sql : [...stage.sql, failedSql];
    const ranSql = sql.length > 0 ? { sql: sql.join(';\n') } : {};
    const duration = stage.state === 'running' ? performance.now() - stage.startedAt : 0;
    stage.state = 'failed';
    this.send(stageId, 'failed', { error, durationMs: Math.round(duration), ...ranSql });
  }

  /** Marks every stage that has not finished as skipped. */
  skipOpen(): void {
    this.closeOpen('skipped');
  }

  /** After a cancel: the stages it stopped while running are cancelled, the rest skipped. */
  cancelOpen(): void {
    this.closeOpen('cancelled');
  }

  private closeOpen(running: 'skipped' | 'cancelled'): void {
    for (const [stageId, stage] of this.stages) {
      if (stage.state !== 'pending' && stage.state !== 'running') continue;
      const state = stage.state === 'running' ? running : 'skipped';
      const duration = state === 'cancelled' ? performance.now() - stage.startedAt : undefined;
      stage.state = state;
      this.send(stageId, state, duration === undefined ? {} : { durationMs: Math.round(duration) });
    }
  }
}
