import { useCallback } from 'react';
import { List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';

import type { ParameterInput } from '@sluice/flow';
import { upstreamOf } from '@sluice/flow';

import { errorMessage, trpcClient } from '../../lib/trpc';
import { useEditorStoreApi } from '../store/editor-context';
import { chosenParameterValues } from '../store/flow.slice';

/** What a notification needs of a diagnostic; local ones and the server's both fit. */
const ProblemSchema = z.object({ message: z.string(), stageId: z.string().optional() });
type Problem = z.infer<typeof ProblemSchema>;

const RefusalSchema = z.object({ data: z.object({ diagnostics: z.array(ProblemSchema) }) });

/** The diagnostics a refused `run.start` carries in its error data, if any. */
function problemsOf(error: unknown): Problem[] {
  const refusal = RefusalSchema.safeParse(error);
  return refusal.success ? refusal.data.data.diagnostics : [];
}

/** Starts and cancels runs; Run saves first when there are unsaved edits. */
export function useRunFlow(save: () => Promise<boolean>) {
  const store = useEditorStoreApi();

  const showProblems = useCallback(
    (title: string, problems: readonly Problem[]) => {
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

  /**
   * Runs the saved flow, or with `stageIds` those stages and their upstream (run up to here),
   * its parameters at `parameters` (the values last chosen when not given; defaults for the rest).
   */
  const start = useCallback(
    async (stageIds?: readonly string[], parameters?: Record<string, ParameterInput>) => {
      const state = store.getState();
      // A partial run cares only for problems of the stages it runs (and of the flow as a whole).
      const runs = stageIds && new Set(upstreamOf(state.document(), stageIds));
      const errors = state.diagnostics.filter(
        (d) => d.severity === 'error' && (!runs || d.stageId === undefined || runs.has(d.stageId)),
      );
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
        const { runId } = await trpcClient.run.start.mutate({
          flowId: state.flowId,
          startedBy: 'editor',
          ...(stageIds === undefined ? {} : { stageIds: [...stageIds] }),
          parameters: parameters ?? chosenParameterValues(store.getState()),
        });
        store.getState().watchRun(runId);
      } catch (error) {
        store.getState().abortStart();
        const problems = problemsOf(error);
        if (problems.length > 0) showProblems('The flow cannot run yet', problems);
        else
          notifications.show({
            color: 'red',
            title: 'Run not started',
            message: errorMessage(error),
          });
      }
    },
    [store, save, showProblems],
  );

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
