import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';

import type { FlowPreview } from '@sluice/compiler';
import { previewFlow } from '@sluice/compiler';

import { trpc } from '../../lib/trpc';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { selectDocRevision } from '../store/selectors';

/**
 * Compiles the current document (unsaved edits included) in the browser, once per document
 * revision or external-stage list, so the preview works for flows of any size. Files show as
 * `stage://name/path`; references to external stages the server does not know are flagged as
 * the server would.
 */
export function useSqlPreview(): FlowPreview {
  const store = useEditorStoreApi();
  const docRevision = useEditorStore(selectDocRevision);
  const externalStages = useQuery(trpc.externalStage.list.queryOptions());
  return useMemo(
    () =>
      previewFlow(store.getState().document(), {
        dialect: 'duckdb',
        knownExternalStages: externalStages.data?.map((stage) => stage.name),
      }),
    // The document is read from the store, not from a dependency; docRevision is what says it
    // changed in substance (drags do not count), so it is the key of this memo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, docRevision, externalStages.data],
  );
}
