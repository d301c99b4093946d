import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';

import { errorMessage, trpc, trpcClient } from '../../lib/trpc';
import { useEditorStoreApi } from '../store/editor-context';

/**
 * Makes a saved version current again as a new version on top of the one the editor has (a
 * stale editor is refused, nothing is overwritten), then loads it into the editor.
 */
export function useRestoreVersion() {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState<number>();

  const restore = useCallback(
    async (version: number): Promise<boolean> => {
      const { flowId, version: baseVersion } = store.getState();
      setRestoring(version);
      try {
        const saved = await trpcClient.flow.restore.mutate({ id: flowId, version, baseVersion });
        const latest = await trpcClient.flow.byId.query({ id: flowId });
        store.getState().loadDocument(latest);
        void queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
        void queryClient.invalidateQueries({
          queryKey: trpc.flow.versions.queryKey({ id: flowId }),
        });
        notifications.show({
          color: 'green',
          title: 'Version restored',
          message: `Version ${version} is the current flow again, saved as version ${saved.version}.`,
        });
        return true;
      } catch (error) {
        notifications.show({
          color: 'red',
          title: 'Version not restored',
          message: errorMessage(error),
        });
        return false;
      } finally {
        setRestoring(undefined);
      }
    },
    [store, queryClient],
  );

  return { restore, restoring };
}
