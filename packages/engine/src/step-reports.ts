import type { PlanStep } from '@sluice/compiler';

import type { RunPlanOptions } from './run-plan';
import type { LoadProgress } from './run-step';

/**
 * Tells `onProgress` how far the step's load has read: the bytes Sluice streams, counted as it
 * sends them, or, where the database reads the file itself, only that the load has begun.
 */
export function loadProgress(
  step: PlanStep,
  onProgress: RunPlanOptions['onProgress'],
): LoadProgress | undefined {
  if (!onProgress) return undefined;
  // A load step reads its stage's file; a later stage's statement may load a file source's file
  // itself (a table write loading it straight into its new table), which streams it.
  const read = step.files?.find(
    (file) => file.mode === 'read' && (step.phase === 'load' || file.stream !== undefined),
  );
  const stageId = read?.stageId ?? step.stageId;
  if (!read || stageId === undefined) return undefined;
  const at = () => new Date().toISOString();
  if (read.stream === undefined) {
    onProgress({ kind: 'progress', stageId, at: at() });
    return undefined;
  }
  return (bytes) => onProgress({ kind: 'progress', stageId, ...bytes, at: at() });
}

/** Times the step's SQL from now; the function it returns reports it, with an error if any. */
export function startStatement(
  step: PlanStep,
  onStatement: RunPlanOptions['onStatement'],
): (error?: string) => void {
  const started = performance.now();
  return (error) =>
    onStatement?.({
      kind: 'statement',
      stepId: step.id,
      ...(step.stageId === undefined ? {} : { stageId: step.stageId }),
      sql: step.sql,
      durationMs: Math.round(performance.now() - started),
      ...(error === undefined ? {} : { error }),
      at: new Date().toISOString(),
    });
}
