import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';

import type { PastRunView } from '../store/read-only';
import { navigate, pastRunPath } from '../../lib/router';
import { errorMessage, trpc, trpcClient } from '../../lib/trpc';

/** What the past-run banner can do: run that version again, or make it current again. */
export function usePastRunActions(flowId: string, view: PastRunView) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'rerun' | 'restore'>();

  const rerun = useCallback(async () => {
    setBusy('rerun');
    try {
      const { runId } = await trpcClient.run.rerun.mutate({ runId: view.runId });
      void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ flowId }) });
      navigate(pastRunPath(flowId, runId));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Run not started', message: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  }, [flowId, view.runId, queryClient]);

  const restore = useCallback(async () => {
    setBusy('restore');
    try {
      const saved = await trpcClient.flow.restore.mutate({
        id: flowId,
        version: view.version,
        baseVersion: view.currentVersion,
      });
      void queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
      notifications.show({
        color: 'green',
        title: 'Version restored',
        message: `Version ${view.version} is the current flow again, saved as version ${saved.version}.`,
      });
      navigate(`/flows/${encodeURIComponent(flowId)}`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Version not restored',
        message: errorMessage(error),
      });
    } finally {
      setBusy(undefined);
    }
  }, [flowId, view.version, view.currentVersion, queryClient]);

  return { rerun, restore, busy };
}
