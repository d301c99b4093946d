import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { skipToken, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';

import { errorMessage, trpc } from '../../lib/trpc';
import { useEditorStore } from '../store/editor-context';
import { isTerminal } from '../store/run-types';

/**
 * Follows the store's current run over SSE and feeds every snapshot into the store. The
 * history is refreshed when a run starts being followed, so a run just started is listed
 * while it runs, and again when it ends.
 */
export function useRunEvents(): void {
  const runId = useEditorStore((s) => s.runId);
  const flowId = useEditorStore((s) => s.flowId);
  const applyRunSnapshot = useEditorStore((s) => s.applyRunSnapshot);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (runId) void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ flowId }) });
  }, [runId, flowId, queryClient]);
  useSubscription(
    trpc.run.events.subscriptionOptions(runId ? { runId } : skipToken, {
      onData: (detail) => {
        applyRunSnapshot(detail);
        if (isTerminal(detail.state)) {
          void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ flowId }) });
        }
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Lost the run updates',
          message: errorMessage(error),
        }),
    }),
  );
}
