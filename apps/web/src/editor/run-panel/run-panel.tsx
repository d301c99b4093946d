import { Badge, Box, Group, ScrollArea, Stack, Text } from '@mantine/core';

import type { RunState } from '../store/run-types';
import { useEditorStore } from '../store/editor-context';
import { isTerminal } from '../store/run-types';
import { selectRun, selectStarting } from '../store/selectors';
import { runElapsed } from './run-elapsed';
import { RunFailure } from './run-failure';
import { RunHistory, RunHistoryMenu } from './run-history';
import { RunViews } from './run-views';
import { useLatestRun } from './use-latest-run';
import { useNow } from './use-now';
import { useRunEvents } from './use-run-events';

const STATE_COLOR: Record<RunState, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'orange',
  interrupted: 'orange',
};

/**
 * The bottom panel: the run being watched (state, stages, errors) and the run history, beside
 * it on wide screens and as a menu in the header below 1200 px, where the stages need the room.
 */
export function RunPanel() {
  useRunEvents();
  useLatestRun();
  const run = useEditorStore(selectRun);
  const starting = useEditorStore(selectStarting);
  const state = run?.state ?? (starting ? 'starting' : 'idle');
  const color = run ? STATE_COLOR[run.state] : 'gray';
  const now = useNow(run !== undefined && !isTerminal(run.state));
  const elapsed = run && runElapsed(run, now);
  return (
    <Group data-testid="run-panel" h="100%" gap={0} align="stretch" wrap="nowrap">
      <Stack gap={6} p="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group gap="sm">
          <Text fw={600} size="sm">
            Run
          </Text>
          <Badge color={color} variant="light" data-testid="run-state">
            {state}
          </Badge>
          {run && (
            <Text size="xs" c="dimmed" data-testid="run-elapsed">
              version {run.flowVersion}
              {elapsed && ` · ${elapsed}`}
            </Text>
          )}
          <Box hiddenFrom="lg" ml="auto">
            <RunHistoryMenu />
          </Box>
        </Group>
        {run?.error && <RunFailure run={run} />}
        <ScrollArea style={{ flex: 1 }} type="auto">
          {run ? (
            <RunViews run={run} />
          ) : (
            <Text size="sm" c="dimmed">
              {starting
                ? 'Starting the run…'
                : 'Press Run to execute the saved flow; its progress shows here.'}
            </Text>
          )}
        </ScrollArea>
      </Stack>
      <Box visibleFrom="lg" h="100%">
        <RunHistory />
      </Box>
    </Group>
  );
}
