import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';

import type { PlanStep } from '@sluice/compiler';
import type { Diagnostic } from '@sluice/flow';
import { compileFlow, fileRefs } from '@sluice/compiler';
import { diagnostic, hasErrors } from '@sluice/flow';

import { trpc } from '../../lib/trpc';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { selectDocRevision } from '../store/selectors';

/** Preview runs are never executed, so one fixed tag keeps the SQL stable between edits. */
const PREVIEW_RUN_TAG = 'preview';

export interface SqlPreview {
  /** Every step of the plan, cleanup included; empty when the flow has errors. */
  steps: PlanStep[];
  diagnostics: Diagnostic[];
}

/**
 * Compiles the current document (unsaved edits included) in the browser, once per document
 * revision, so the preview works for flows of any size. Files show as `stage://name/path`;
 * references to external stages the server does not know are flagged as the server would.
 */
export function useSqlPreview(): SqlPreview {
  const store = useEditorStoreApi();
  const docRevision = useEditorStore(selectDocRevision);
  const externalStages = useQuery(trpc.externalStage.list.queryOptions());
  const compiled = useMemo(() => {
    const document = store.getState().document();
    return {
      document,
      result: compileFlow(document, { dialect: 'duckdb', runTag: PREVIEW_RUN_TAG }),
    };
    // The document is read from the store, not from a dependency; docRevision is what says it
    // changed in substance (drags do not count), so it is the key of this memo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, docRevision]);

  return useMemo(() => {
    const known = externalStages.data && new Set(externalStages.data.map((s) => s.name));
    const unknown = known
      ? fileRefs(compiled.document)
          .filter(({ ref }) => !known.has(ref.externalStage))
          .map(({ stageId, ref }) =>
            diagnostic(
              'unknown-external-stage',
              { name: ref.externalStage },
              { stageId, path: ['externalStage'] },
            ),
          )
      : [];
    const diagnostics = [...unknown, ...compiled.result.diagnostics];
    const plan = hasErrors(diagnostics) ? undefined : compiled.result.plan;
    return { steps: plan ? [...plan.steps, ...plan.cleanup] : [], diagnostics };
  }, [compiled, externalStages.data]);
}
