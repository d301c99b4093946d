import type { Diagnostic } from '@sluice/flow';
import { diagnostic, hasErrors } from '@sluice/flow';

import type { FlowAnalysis } from './analyze-flow';
import type { PlanStep, TargetProfile } from './plan';
import { compileFlow } from './compile-flow';
import { fileRefs } from './file-refs';

/** Flags every file reference whose external stage is not among `known`, on its stage's field. */
export function unknownExternalStages(
  analysis: FlowAnalysis,
  known: readonly string[],
): Diagnostic[] {
  const names = new Set(known);
  return fileRefs(analysis)
    .filter(({ ref }) => !names.has(ref.externalStage))
    .map(({ stageId, ref }) =>
      diagnostic(
        'unknown-external-stage',
        { name: ref.externalStage },
        { stageId, path: ['externalStage'] },
      ),
    );
}

/**
 * Flags every file reference to an external stage turned off in Sluice, on its stage's field.
 * MatrixOne stores a stage's ENABLE but has not enforced it since 2.0 (sql-reference.md §1.4),
 * so Sluice refuses such flows itself, on every target.
 */
export function disabledExternalStages(
  analysis: FlowAnalysis,
  disabled: readonly string[],
): Diagnostic[] {
  const names = new Set(disabled);
  return fileRefs(analysis)
    .filter(({ ref }) => names.has(ref.externalStage))
    .map(({ stageId, ref }) =>
      diagnostic(
        'disabled-external-stage',
        { name: ref.externalStage },
        { stageId, path: ['externalStage'] },
      ),
    );
}

/** Preview runs are never executed, so one fixed tag keeps the SQL stable between edits. */
const PREVIEW_RUN_TAG = 'preview';

/** The SQL a flow would run, for people to read, and everything that stops it from running. */
export interface FlowPreview {
  /** Every step of the plan, cleanup included; empty while any diagnostic is an error. */
  steps: PlanStep[];
  diagnostics: Diagnostic[];
}

/**
 * Compiles a flow for reading, for the target it would run on, with files shown as
 * `stage://name/path` and every destination assumed to exist. With the names of the target's
 * external stages, references to missing ones are flagged as a run would refuse them. It takes
 * the flow's analysis, so the editor analyses a flow once for its diagnostics and its preview.
 * @example previewFlow(analyzeFlow(doc), { target: systemInfo.target, knownExternalStages: ['samples'] }).steps
 */
export function previewFlow(
  analysis: FlowAnalysis,
  options: {
    target: TargetProfile;
    knownExternalStages?: readonly string[];
    /** External stages turned off, which no flow may use (`disabledExternalStages`). */
    disabledExternalStages?: readonly string[];
    /** See `CompileOptions.s3ExternalStages`. */
    s3ExternalStages?: readonly string[];
  },
): FlowPreview {
  const compiled = compileFlow(analysis, {
    target: options.target,
    runTag: PREVIEW_RUN_TAG,
    ...(options.s3ExternalStages ? { s3ExternalStages: options.s3ExternalStages } : {}),
  });
  const known = options.knownExternalStages;
  const diagnostics = [
    ...(known ? unknownExternalStages(analysis, known) : []),
    ...disabledExternalStages(analysis, options.disabledExternalStages ?? []),
    ...compiled.diagnostics,
  ];
  const plan = hasErrors(diagnostics) ? undefined : compiled.plan;
  return { steps: plan ? [...plan.steps, ...plan.cleanup] : [], diagnostics };
}
