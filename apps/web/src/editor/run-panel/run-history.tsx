import { Badge, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';

import type { RunState } from '../store/run-types';
import { timeAgo } from '../../lib/format';
import { errorMessage, trpc, trpcClient } from '../../lib/trpc';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';

const STATE_COLOR: Partial<Record<RunState, string>> = {
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'orange',
  interrupted: 'orange',
};

/** The flow's past runs, newest first; picking one shows it in the panel and on the canvas. */
export function RunHistory() {
  const flowId = useEditorStore((s) => s.flowId);
  const currentId = useEditorStore((s) => s.run?.id);
  const store = useEditorStoreApi();
  const runs = useQuery(trpc.run.list.queryOptions({ flowId }));

  const show = async (runId: string) => {
    try {
      const detail = await trpcClient.run.byId.query({ runId });
      store.getState().watchRun(runId);
      store.getState().applyRunSnapshot(detail);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not load the run',
        message: errorMessage(error),
      });
    }
  };

  return (
    <Stack
      gap={0}
      w={{ base: 180, lg: 260 }}
      style={{ borderLeft: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }}
    >
      <Text fw={600} size="sm" px="sm" pt="sm" pb={4}>
        History
      </Text>
      <ScrollArea style={{ flex: 1 }} type="auto">
        {runs.data?.length === 0 && (
          <Text size="xs" c="dimmed" px="sm">
            No runs yet.
          </Text>
        )}
        {runs.data?.map((run) => (
          <NavLink
            key={run.id}
            data-testid="run-history-item"
            data-state={run.state}
            active={run.id === currentId}
            onClick={() => void show(run.id)}
            py={4}
            label={
              <Group justify="space-between" wrap="nowrap">
                <Text size="xs">{timeAgo(run.createdAt)}</Text>
                <Badge size="xs" variant="light" color={STATE_COLOR[run.state] ?? 'gray'}>
                  {run.state}
                </Badge>
              </Group>
            }
            description={`version ${run.flowVersion}`}
          />
        ))}
      </ScrollArea>
    </Stack>
  );
}
