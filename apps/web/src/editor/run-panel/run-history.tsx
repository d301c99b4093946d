import { Badge, Button, Group, Menu, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import type { RunDetail, RunState } from '../store/run-types';
import { timeAgo } from '../../lib/format';
import { navigate, pastRunPath } from '../../lib/router';
import { trpc } from '../../lib/trpc';
import { useEditorStore } from '../store/editor-context';
import { runFacts, runParameters } from './run-facts';

const STATE_COLOR: Partial<Record<RunState, string>> = {
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'orange',
  interrupted: 'orange',
};

/**
 * The flow's past runs, the one shown, and `show`, which opens a run on the version it ran,
 * read-only, at an address of its own so a reload comes back to it.
 */
function useRunHistory() {
  const flowId = useEditorStore((s) => s.flowId);
  const currentId = useEditorStore((s) => s.run?.id);
  const runs = useQuery(trpc.run.list.queryOptions({ flowId }));
  const show = (runId: string) => navigate(pastRunPath(flowId, runId));
  return { runs: runs.data, currentId, show };
}

function RunSummary({ run }: { run: RunDetail }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="xs">{timeAgo(run.createdAt)}</Text>
      <Badge size="xs" variant="light" color={STATE_COLOR[run.state] ?? 'gray'}>
        {run.state}
      </Badge>
    </Group>
  );
}

/** A run's facts, and the parameter values it ran with when its flow has parameters. */
function RunDescription({ run }: { run: RunDetail }) {
  const parameters = runParameters(run);
  return (
    <>
      {runFacts(run)}
      {parameters !== '' && (
        <Text size="xs" c="dimmed" data-testid="run-history-parameters" truncate="end">
          {parameters}
        </Text>
      )}
    </>
  );
}

/** The flow's past runs, newest first; picking one shows it in the panel and on the canvas. */
export function RunHistory() {
  const { runs, currentId, show } = useRunHistory();
  return (
    <Stack
      gap={0}
      w={260}
      h="100%"
      style={{ borderLeft: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }}
    >
      <Text fw={600} size="sm" px="sm" pt="sm" pb={4}>
        History
      </Text>
      <ScrollArea style={{ flex: 1 }} type="auto">
        {runs?.length === 0 && (
          <Text size="xs" c="dimmed" px="sm">
            No runs yet.
          </Text>
        )}
        {runs?.map((run) => (
          <NavLink
            key={run.id}
            data-testid="run-history-item"
            data-state={run.state}
            active={run.id === currentId}
            onClick={() => show(run.id)}
            py={4}
            label={<RunSummary run={run} />}
            description={<RunDescription run={run} />}
          />
        ))}
      </ScrollArea>
    </Stack>
  );
}

/** The same history as a menu in the panel's header, where the panel is too narrow for both. */
export function RunHistoryMenu() {
  const { runs, currentId, show } = useRunHistory();
  return (
    <Menu position="top-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          leftSection={<IconHistory size={14} />}
          data-testid="run-history-menu"
        >
          History
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {runs?.length === 0 && <Menu.Label>No runs yet.</Menu.Label>}
        {runs?.map((run) => (
          <Menu.Item
            key={run.id}
            data-testid="run-history-item"
            data-state={run.state}
            bg={run.id === currentId ? 'var(--mantine-primary-color-light)' : undefined}
            onClick={() => show(run.id)}
          >
            <RunSummary run={run} />
            <Text size="xs" c="dimmed" component="div">
              <RunDescription run={run} />
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
