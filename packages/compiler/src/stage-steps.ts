import type { Column, FileRef, StageOp } from '@sluice/stages';

import type { Dialect, StagedRelation } from './dialects';
import type { PlanStep } from './plan';

/** Maps a file in an external stage to the path or URL the target reads or writes. */
export type ResolveFile = (ref: FileRef, mode: 'read' | 'write') => string;

/** How a file is named where no real path is needed: `stage://<external stage>/<path>`. */
export function stageUri(ref: FileRef): string {
  return `stage://${ref.externalStage}/${ref.path}`;
}

/** The name of the staging table or view that holds a stage's output during one run. */
export function stagingName(runTag: string, stageId: string): string {
  return `__sluice_${runTag}_${stageId}`;
}

/** What a stage's steps need from the plan being built. */
export interface StepContext {
  stageId: string;
  dialect: Dialect;
  runTag: string;
  resolveFile: ResolveFile;
  /** The columns detected from the stage's file, used when its op declares none. */
  detectedColumns?: readonly Column[];
  /** The staged relation linked into one of the stage's input ports. */
  relationOf(port: string): string;
}

/** The steps one stage runs, and the staged relation holding its output, if it has one. */
export interface StageSteps {
  steps: PlanStep[];
  output?: StagedRelation;
}

/** Turns one stage's dialect-neutral op into plan steps for the context's dialect. */
export function stepsForOp(op: StageOp, ctx: StepContext): StageSteps {
  const { stageId, dialect } = ctx;
  const staged = stagingName(ctx.runTag, stageId);
  switch (op.kind) {
    case 'load-file': {
      const local = ctx.resolveFile(op.file, 'read');
      const sql = dialect.loadFile({
        table: staged,
        local,
        format: op.format,
        columns: op.columns.length > 0 ? op.columns : (ctx.detectedColumns ?? []),
      });
      return {
        steps: [
          {
            id: `load:${stageId}`,
            phase: 'load',
            stageId,
            sql,
            rowCountSql: dialect.countRows(staged),
            rowsFrom: 'count',
            files: [{ ref: op.file, mode: 'read', local }],
          },
        ],
        output: { name: staged, kind: 'table' },
      };
    }
    case 'select': {
      const sql = dialect.createView({
        view: staged,
        source: ctx.relationOf(op.input),
        columns: op.columns,
        ...(op.where ? { where: op.where } : {}),
      });
      const rowCountSql = dialect.countRows(staged);
      return {
        steps: [
          {
            id: `transform:${stageId}`,
            phase: 'transform',
            stageId,
            sql,
            rowCountSql,
            rowsFrom: 'count',
          },
        ],
        output: { name: staged, kind: 'view' },
      };
    }
    case 'write-table': {
      const statements = dialect.writeTable({
        source: ctx.relationOf(op.input),
        table: op.table,
        mode: op.mode,
        createIfMissing: op.createIfMissing,
      });
      return {
        steps: statements.map(({ kind, sql }) => ({
          id: `${kind}:${stageId}`,
          phase: 'write',
          stageId,
          sql,
          ...(kind === 'write' ? { rowsFrom: 'changes' } : {}),
        })),
      };
    }
    case 'export-file': {
      const local = ctx.resolveFile(op.file, 'write');
      const temp = `${local}.sluice-${ctx.runTag}-${stageId}.tmp`;
      const source = ctx.relationOf(op.input);
      const sql = dialect.exportFile({ source, local: temp, format: op.format });
      return {
        steps: [
          {
            id: `export:${stageId}`,
            phase: 'export',
            stageId,
            sql,
            rowsFrom: 'changes',
            files: [{ ref: op.file, mode: 'write', local, temp }],
          },
        ],
      };
    }
  }
}
