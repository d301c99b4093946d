import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';

import { trpc } from '../../lib/trpc';
import { useEditorStore } from '../store/editor-context';

/** Puts the flow's newest run in the panel and on the canvas when the editor opens. */
export function useLatestRun(): void {
  const flowId = useEditorStore((s) => s.flowId);
  const showLatestRun = useEditorStore((s) => s.showLatestRun);
  const runs = useQuery(trpc.run.list.queryOptions({ flowId }));
  const latest = runs.data?.[0];
  useEffect(() => {
    if (latest) showLatestRun(latest);
  }, [latest, showLatestRun]);
}
