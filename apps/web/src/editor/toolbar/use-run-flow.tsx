import { useCallback } from 'react';
import { List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

import type { Diagnostic } from '@sluice/flow';

import { errorMessage, trpcClient } from '../../lib/trpc';
import { useEditorStoreApi } from '../store/editor-context';

/** The diagnostics a refused `run.start` carries in its error data, if any. */
function diagnosticsOf(error: unknown): Diagnostic[] {
  if (typeof error !== 'object' || error === null || !('data' in error)) return [];
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('diagnostics' in data)) return [];
  return Array.isArray(data.diagnostics) ? (data.diagnostics as Diagnostic[]) : [];
}

/** Starts and cancels runs; Run saves first when there are unsaved edits. */
export function useRunFlow(save: () => Promise<boolean>) {
  const store = useEditorStoreApi();

  const showProblems = useCallback(
    (title: string, problems: readonly Diagnostic[]) => {
      const labelOf = (id: string | undefined) =>
        store.getState().nodes.find((n) => n.id === id)?.data.label ?? id;
      notifications.show({
        color: 'red',
        title,
        autoClose: 10_000,
        message: (
          <>
            <List size="sm" spacing={2}>
              {problems.slice(0, 8).map((d, i) => (
                <List.Item key={i}>
                  {d.stageId ? `${labelOf(d.stageId)}: ${d.message}` : d.message}
                </List.Item>
              ))}
            </List>
            {problems.length > 8 && (
              <Text size="xs" c="dimmed">
                and {problems.length - 8} more
              </Text>
            )}
          </>
        ),
      });
    },
    [store],
  );

  const start = useCallback(async () => {
    const state = store.getState();
    const errors = state.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      showProblems('Fix these before running', errors);
      return;
    }
    state.beginRun();
    if (state.isDirty && !(await save())) {
      store.getState().abortStart();
      return;
    }
    try {
      const { runId } = await trpcClient.run.start.mutate({ flowId: state.flowId });
      store.getState().watchRun(runId);
    } catch (error) {
      store.getState().abortStart();
      const problems = diagnosticsOf(error);
      if (problems.length > 0) showProblems('The flow cannot run yet', problems);
      else
        notifications.show({
          color: 'red',
          title: 'Run not started',
          message: errorMessage(error),
        });
    }
  }, [store, save, showProblems]);

  const cancel = useCallback(async () => {
    const { runId } = store.getState();
    if (!runId) return;
    try {
      await trpcClient.run.cancel.mutate({ runId });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not cancel', message: errorMessage(error) });
    }
  }, [store]);

  return { start, cancel };
}
