import type { CellValue, Target } from '@sluice/engine';
import type { Diagnostic, FlowDocument, ParameterInput } from '@sluice/flow';
import { analyzeFlow, compileSample, maskCredentials } from '@sluice/compiler';
import {
  inStageTerms,
  newRunTag,
  previewSample,
  SampleCancelled,
  SampleFailure,
} from '@sluice/engine';
import { hasErrors, reachableStages } from '@sluice/flow';

import type { ExternalStagesRepo } from '../repos/external-stages.repo';
import { InvalidRequestError } from '../errors';
import { s3StageNames } from '../external-stages/stage-chain';
import { externalStageProblems } from '../external-stages/stage-problems';
import { logger } from '../logger';
import { detectFlowColumns, resolveFlowFiles, stageFolderPlaces } from '../runs/flow-files';
import { sourceTableColumns } from '../runs/source-tables';

export interface StagePreviewsDeps {
  target: Target;
  externalStages: ExternalStagesRepo;
  fileRoots: readonly string[];
  metadataSchema: string;
}

/** How much a preview reads and shows; a zero-row one asks only for the columns. */
export interface PreviewSize {
  sampleRows: number;
  rows: number;
}

/** How long a preview may take before it is stopped: a sample should answer in about a second. */
const PREVIEW_TIMEOUT_MS = 30_000;

/** The rows of one stage's output on a sample, or why they could not be read. */
export type StagePreview =
  | {
      state: 'succeeded';
      stageId: string;
      columns: { name: string; type: string }[];
      rows: CellValue[][];
      /** Rows read from the start of each source at most. */
      sampleRows: number;
      /** Rows each source gave: fewer than `sampleRows` means the whole source was read. */
      sources: { stageId: string; rows: number }[];
    }
  | {
      state: 'failed';
      /** The stage whose statement failed, when one did. */
      stageId?: string;
      error: string;
    };

function refusal(diagnostics: readonly Diagnostic[]): InvalidRequestError {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const more =
    errors.length > 1 ? ` (${errors.length - 1} more problem(s) are marked on the canvas)` : '';
  return new InvalidRequestError(
    `This stage cannot be previewed until the flow up to it is fixed: ${errors[0]?.message ?? 'it has errors'}${more}`,
    diagnostics,
  );
}

/**
 * Data previews: a stage's output on a sample of each source, from a document that need not be
 * saved. Nothing of a destination, export or executor is compiled, so a preview writes only its
 * own staging, on a connection of its own, dropped on every ending; its run tag is claimed in
 * the target like a run's, so another server's start-up sweep leaves its staging alone.
 */
export class StagePreviews {
  constructor(private readonly deps: StagePreviewsDeps) {}

  /**
   * Previews `stageId` of `document`; refuses (BAD_REQUEST with diagnostics) when the stages it
   * reads have errors. A statement that fails is an answer, on the stage that caused it.
   */
  async preview(
    document: FlowDocument,
    stageId: string,
    {
      signal,
      size,
      parameters,
    }: {
      signal?: AbortSignal;
      size?: PreviewSize;
      parameters?: Readonly<Record<string, ParameterInput>>;
    } = {},
  ): Promise<StagePreview> {
    const { target, externalStages, fileRoots, metadataSchema } = this.deps;
    const analysis = analyzeFlow(document, {
      metadataSchema,
      parameters: {
        dialect: target.profile.dialect,
        ...(parameters === undefined ? {} : { values: parameters }),
      },
    });
    const reads = reachableStages(document.links, [stageId], 'upstream');
    const known = await externalStages.list();
    const unknown = externalStageProblems(analysis, known).filter(
      (d) => d.stageId !== undefined && reads.has(d.stageId),
    );
    const problems = [...unknown, ...analysis.diagnostics].filter(
      (d) => d.stageId === undefined || reads.has(d.stageId),
    );
    if (hasErrors(problems)) throw refusal(problems);
    const files = { externalStages: known, fileRoots, readsOf: reads };
    const onMatrixOne = target.profile.dialect === 'matrixone';
    const resolveFile = onMatrixOne ? undefined : await resolveFlowFiles(analysis, files);
    const detectedColumns = {
      ...(await detectFlowColumns(analysis, {
        ...files,
        ...(resolveFile === undefined ? {} : { resolveFile }),
        detect: (local, format, uri) => target.detectColumns(local, format, uri),
      })),
      ...(await sourceTableColumns(analysis, target, reads)),
    };
    const runTag = newRunTag();
    const { plan, diagnostics } = compileSample(analysis, {
      target: target.profile,
      stageId,
      runTag,
      s3ExternalStages: s3StageNames(known),
      ...(resolveFile === undefined ? {} : { resolveFile }),
      detectedColumns,
      ...size,
    });
    if (!plan) throw refusal(diagnostics);
    const places = await stageFolderPlaces(known);
    const shown = (text: string) => inStageTerms(maskCredentials(text), places);
    const claim = await target.claim({ runTag, destinations: [] });
    const client = await target.connect().catch(async (error: unknown) => {
      await claim.release();
      throw error;
    });
    const stop = AbortSignal.any([
      ...(signal ? [signal] : []),
      AbortSignal.timeout(PREVIEW_TIMEOUT_MS),
    ]);
    try {
      const result = await previewSample(client, plan, { signal: stop });
      if (result.cleanupErrors) {
        logger.error(`Preview ${runTag} left staging objects behind`, result.cleanupErrors);
      }
      const { columns, rows, sources } = result;
      return { state: 'succeeded', stageId, columns, rows, sampleRows: plan.sampleRows, sources };
    } catch (error) {
      if (error instanceof SampleCancelled) {
        const seconds = String(PREVIEW_TIMEOUT_MS / 1000);
        return {
          state: 'failed',
          error: `The preview was stopped after ${seconds} s or when it was left.`,
        };
      }
      if (!(error instanceof SampleFailure)) throw error;
      const failed = error.stageId === undefined ? {} : { stageId: error.stageId };
      return { state: 'failed', ...failed, error: shown(error.message) };
    } finally {
      await client.close();
      await claim.release();
    }
  }
}
