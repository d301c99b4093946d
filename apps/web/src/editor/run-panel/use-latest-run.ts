import { useEffect } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';

import { trpc } from '../../lib/trpc';
import { useEditorStore } from '../store/editor-context';

/**
 * Puts the flow's newest run in the panel and on the canvas when the editor opens. The list
 * leaves out each stage's SQL, so the run itself is loaded to show it.
 */
export function useLatestRun(): void {
  const flowId = useEditorStore((s) => s.flowId);
  const showLatestRun = useEditorStore((s) => s.showLatestRun);
  const runs = useQuery(trpc.run.list.queryOptions({ flowId }));
  const latestId = runs.data?.[0]?.id;
  const latest = useQuery(
    trpc.run.byId.queryOptions(latestId === undefined ? skipToken : { runId: latestId }),
  );
  useEffect(() => {
    if (latest.data) showLatestRun(latest.data);
  }, [latest.data, showLatestRun]);
}
