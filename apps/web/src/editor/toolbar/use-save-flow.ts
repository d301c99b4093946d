import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';

import { navigate } from '../../lib/router';
import { errorMessage, isConflict, trpc, trpcClient } from '../../lib/trpc';
import { useEditorStoreApi } from '../store/editor-context';

/** Copies get " (copy)", then " (copy 2)"… until a name is free. */
const COPY_ATTEMPTS = 6;

/**
 * Saving with optimistic concurrency: the save carries the version the editor started from; a
 * stale save opens the conflict choice, where nothing of the person's edit is lost.
 */
export function useSaveFlow() {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string>();

  const save = useCallback(async (): Promise<boolean> => {
    const { flowId, version, document, pastRun } = store.getState();
    // A past run's version is never saved over; restoring it is the banner's explicit choice.
    if (pastRun) return false;
    const doc = document();
    setSaving(true);
    try {
      const saved = await trpcClient.flow.save.mutate({
        id: flowId,
        baseVersion: version,
        document: doc,
      });
      store.getState().markSaved(saved.version, doc);
      void queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
      return true;
    } catch (error) {
      if (isConflict(error)) setConflict(errorMessage(error));
      else notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
      return false;
    } finally {
      setSaving(false);
    }
  }, [store, queryClient]);

  /** Drops the local edits and loads the version saved elsewhere. */
  const reload = useCallback(async () => {
    const { flowId } = store.getState();
    try {
      const latest = await trpcClient.flow.byId.query({ id: flowId });
      store.getState().loadDocument(latest);
      setConflict(undefined);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not reload', message: errorMessage(error) });
    }
  }, [store]);

  /** Saves the local edits as a new flow and opens it; the other version stays as it is. */
  const saveCopy = useCallback(async () => {
    const { name, document } = store.getState();
    const doc = document();
    for (let attempt = 1; attempt <= COPY_ATTEMPTS; attempt += 1) {
      const copyName = attempt === 1 ? `${name} (copy)` : `${name} (copy ${attempt})`;
      try {
        const copy = await trpcClient.flow.saveAs.mutate({ name: copyName, document: doc });
        setConflict(undefined);
        void queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
        notifications.show({
          color: 'green',
          title: 'Saved as a copy',
          message: `Your edits are in "${copy.name}".`,
        });
        // The edits live on in the copy, so nothing is lost by leaving this flow.
        navigate(`/flows/${encodeURIComponent(copy.id)}`, { force: true });
        return;
      } catch (error) {
        if (isConflict(error)) continue;
        notifications.show({ color: 'red', title: 'Copy not saved', message: errorMessage(error) });
        return;
      }
    }
    notifications.show({
      color: 'red',
      title: 'Copy not saved',
      message: 'Every copy name is taken; rename some flows and retry.',
    });
  }, [store, queryClient]);

  return {
    save,
    saving,
    conflict,
    reload,
    saveCopy,
    dismissConflict: () => setConflict(undefined),
  };
}
