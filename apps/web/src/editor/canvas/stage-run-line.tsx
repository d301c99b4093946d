import { Badge, Group, Text } from '@mantine/core';

import type { StageRunStatus } from '../store/run.slice';
import { formatCount, formatDuration } from '../../lib/format';
import { LoadProgress } from '../run-panel/load-progress';
import { stageDurationMs } from '../run-panel/stage-timing';
import { useNow } from '../run-panel/use-now';
import { useEditorStore } from '../store/editor-context';
import { selectStageRowsIn } from '../store/selectors';
import { RUN_STATE_COLOR } from './run-state-style';

/** A node's run line: state, rows in → out, its duration ticking while it runs, a load's bar. */
export function StageRunLine({ stageId, status }: { stageId: string; status: StageRunStatus }) {
  const rowsIn = useEditorStore(selectStageRowsIn(stageId));
  const now = useNow(status.state === 'running', 250);
  const duration = stageDurationMs(status, now);
  const rows = [rowsIn, status.rows].map((n) => (n === undefined ? '–' : formatCount(n)));
  return (
    <>
      <Group gap={6} mt={6} wrap="nowrap">
        <Badge size="xs" variant="light" color={RUN_STATE_COLOR[status.state]}>
          {status.state}
        </Badge>
        {duration !== undefined && (
          <Text size="xs" c="dimmed" ml="auto" data-testid="stage-run-duration">
            {formatDuration(duration)}
          </Text>
        )}
      </Group>
      {(rowsIn !== undefined || status.rows !== undefined) && (
        <Text size="xs" c="dimmed" mt={2} data-testid="stage-run-rows" truncate="end">
          {rowsIn === undefined ? `${rows[1]} rows` : `${rows[0]} in → ${rows[1]} out`}
        </Text>
      )}
      <LoadProgress status={status} />
    </>
  );
}
