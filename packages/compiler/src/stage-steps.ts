import type { Column, Columns, FileRef, StageOp, TableRef } from '@sluice/stages';

import type { Dialect, DialectStep, StagedRelation, TableSwap } from './dialects';
import type { PlanStep } from './plan';
import { stagingName, tempExportPath } from './names';

/** Maps a file in an external stage to the path or URL the target reads or writes. */
export type ResolveFile = (ref: FileRef, mode: 'read' | 'write') => string;

/** What a stage's steps need from the plan being built. */
export interface StepContext {
  stageId: string;
  dialect: Dialect;
  runTag: string;
  resolveFile: ResolveFile;
  /** The columns detected from the stage's file, used when its op declares none. */
  detectedColumns?: readonly Column[];
  /** Whether a destination table exists at run start; `undefined` when not known. */
  tableExists(table: TableRef): boolean | undefined;
  /** The staged relation linked into one of the stage's input ports. */
  relationOf(port: string): string;
  /** The columns arriving at one of the stage's input ports. */
  columnsOf(port: string): Columns;
}

/** The steps one stage runs, and the relations it leaves for later stages and cleanup. */
export interface StageSteps {
  steps: PlanStep[];
  /** The staged relation holding the stage's output, if it has one. */
  output?: StagedRelation;
  /** Other relations the stage creates (shadow tables), dropped by cleanup. */
  staged?: StagedRelation[];
  swap?: TableSwap;
}

/** Turns one stage's dialect-neutral op into plan steps for the context's dialect. */
export function stepsForOp(op: StageOp, ctx: StepContext): StageSteps {
  const { stageId, dialect } = ctx;
  const staged = stagingName(ctx.runTag, stageId);
  const own = (steps: DialectStep[]): PlanStep[] =>
    steps.map(({ kind, ...step }) => ({ id: `${kind}:${stageId}`, stageId, ...step }));
  const localOf = (file: FileRef, mode: 'read' | 'write') =>
    dialect.databaseResolvesFiles ? {} : { local: ctx.resolveFile(file, mode) };
  switch (op.kind) {
    case 'load-file': {
      const steps = dialect.loadFile({
        table: staged,
        file: op.file,
        ...localOf(op.file, 'read'),
        format: op.format,
        columns: op.columns.length > 0 ? op.columns : (ctx.detectedColumns ?? []),
      });
      return { steps: own(steps), output: { name: staged, kind: 'table' } };
    }
    case 'select': {
      const sql = dialect.createView({
        view: staged,
        source: ctx.relationOf(op.input),
        columns: op.columns,
        ...(op.where ? { where: op.where } : {}),
      });
      const step: DialectStep = {
        kind: 'transform',
        phase: 'transform',
        sql,
        inTransaction: dialect.ddlInTransaction,
        rowCountSql: dialect.countRows(staged),
        rowsFrom: 'count',
      };
      return { steps: own([step]), output: { name: staged, kind: 'view' } };
    }
    case 'write-table': {
      const write = dialect.writeTable({
        stageId,
        runTag: ctx.runTag,
        source: ctx.relationOf(op.input),
        table: op.table,
        mode: op.mode,
        createIfMissing: op.createIfMissing,
        columns: ctx.columnsOf(op.input),
        exists: ctx.tableExists(op.table),
      });
      return {
        steps: own(write.steps),
        ...(write.staged ? { staged: write.staged } : {}),
        ...(write.swap ? { swap: write.swap } : {}),
      };
    }
    case 'export-file': {
      const { local } = localOf(op.file, 'write');
      const temp = local === undefined ? {} : { temp: tempExportPath(local, ctx.runTag, stageId) };
      const steps = dialect.exportFile({
        source: ctx.relationOf(op.input),
        file: op.file,
        ...(local === undefined ? {} : { local }),
        ...temp,
        format: op.format,
      });
      return { steps: own(steps) };
    }
  }
}
