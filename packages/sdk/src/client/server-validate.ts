import type { TRPCClient } from '@trpc/client';

import type { Diagnostic } from '@sluice/flow';
import type { AppRouter } from '@sluice/server';
import type { Column } from '@sluice/stages';
import { analyzeFlow, describeRequests, fileRefs, sourceTables } from '@sluice/compiler';

import type { Flow } from '../builder/flow';

/** One stage's columns to ask the server for; `null` when it cannot tell them. */
interface Question {
  stageId: string;
  columns: () => Promise<readonly Column[] | null>;
}

/**
 * What the editor validates a flow with once it is open on this server: its target, metadata
 * schema and external stages, and the columns the target tells of sources that declare none,
 * of the tables table sources read and of stages only the target can describe. Columns are
 * asked for round by round, since knowing one stage's lets the next one's be asked; as in the
 * editor, a file or table that cannot be read gives no columns and the run says why.
 */
export async function validateOnServer(
  trpc: TRPCClient<AppRouter>,
  flow: Flow,
): Promise<Diagnostic[]> {
  const [info, externalStages] = await Promise.all([
    trpc.system.info.query(),
    trpc.externalStage.list.query(),
  ]);
  const { dialect, product, version, metadataSchema } = info.target;
  const document = flow.toDocument();
  const detectedColumns: Record<string, readonly Column[]> = {};
  const asked = new Set<string>();
  for (;;) {
    const analysis = analyzeFlow(document, {
      detectedColumns,
      metadataSchema,
      parameters: { dialect },
    });
    const questions: Question[] = [
      ...fileRefs(analysis).flatMap(({ stageId, ref, detect }) =>
        detect
          ? [
              {
                stageId,
                columns: async () => {
                  const input = { ...ref, format: detect };
                  return (await trpc.externalStage.detectColumns.mutate(input)).columns;
                },
              },
            ]
          : [],
      ),
      ...sourceTables(analysis).map(({ stageId, table }) => ({
        stageId,
        columns: async () => (await trpc.catalog.columns.query(table)).columns,
      })),
      ...describeRequests(analysis).map((input) => ({
        stageId: input.stageId,
        columns: async () => (await trpc.data.describe.mutate(input)).columns,
      })),
    ].filter((q) => !asked.has(q.stageId));
    if (questions.length === 0) break;
    for (const q of questions) asked.add(q.stageId);
    const answers = await Promise.all(
      questions.map((q) =>
        q.columns().then(
          (found) => ({ stageId: q.stageId, found }),
          () => undefined,
        ),
      ),
    );
    for (const answer of answers) {
      if (answer?.found) detectedColumns[answer.stageId] = answer.found;
    }
  }
  return flow.validate({
    target: { dialect, product, version },
    metadataSchema,
    detectedColumns,
    knownExternalStages: externalStages.map((s) => s.name),
    s3ExternalStages: externalStages.filter((s) => s.onS3).map((s) => s.name),
  });
}
