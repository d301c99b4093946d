import { useState } from 'react';
import { ActionIcon, Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';

import type { RunStageDetail } from '../store/run-types';
import { formatCount, formatDuration } from '../../lib/format';
import { RUN_STATE_COLOR } from '../canvas/run-state-style';
import { useEditorStore } from '../store/editor-context';
import { selectStageRowsIn, selectStageRunStatus } from '../store/selectors';
import { LoadProgress } from './load-progress';
import { stageDurationMs } from './stage-timing';
import { useNow } from './use-now';

/**
 * Below this width the table scrolls sideways instead of squeezing the stage names away: the
 * panel sits between the palette and the inspector, about 460 px wide on a 1024 px screen.
 */
const MIN_TABLE_WIDTH = 400;

/** One row per stage: label, state, rows, duration, the full error, and its SQL on demand. */
export function RunStageTable({ stages }: { stages: readonly RunStageDetail[] }) {
  return (
    <Table.ScrollContainer minWidth={MIN_TABLE_WIDTH} type="native">
      <Table verticalSpacing={4} fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>Stage</Table.Th>
            <Table.Th w={108}>State</Table.Th>
            <Table.Th w={150} ta="right">
              Rows in → out
            </Table.Th>
            <Table.Th w={60} ta="right">
              Time
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((stage) => (
            <StageRow key={stage.stageId} stage={stage} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Rows a stage read (from the stages linked into it) and produced; for a table destination,
 * what it wrote and the table's total after, so a third append reads "2,000 written · 6,000 in table" rather than the same count again.
 */
function StageRows({ stage }: { stage: RunStageDetail }) {
  const rowsIn = useEditorStore(selectStageRowsIn(stage.stageId));
  const rows = (
    <>
      {rowsIn !== undefined && (
        <Text span inherit c="dimmed" data-testid="run-stage-rows-in">
          {formatCount(rowsIn)} →{' '}
        </Text>
      )}
      <span data-testid="run-stage-rows">
        {stage.rows === undefined ? '' : formatCount(stage.rows)}
      </span>
    </>
  );
  if (stage.tableRows === undefined) return rows;
  return (
    <>
      {rows} written ·{' '}
      <Text span inherit c="dimmed">
        <span data-testid="run-stage-table-rows">{formatCount(stage.tableRows)}</span> in table
      </Text>
    </>
  );
}

/** The stage's duration, ticking while it runs. */
function StageTime({ stage }: { stage: RunStageDetail }) {
  const startedAt = useEditorStore((s) => s.runStatus[stage.stageId]?.startedAt);
  const now = useNow(stage.state === 'running', 250);
  const duration = stageDurationMs({ ...stage, startedAt }, now);
  return (
    <span data-testid="run-stage-duration">
      {duration === undefined ? '' : formatDuration(duration)}
    </span>
  );
}

function StageRow({ stage }: { stage: RunStageDetail }) {
  const status = useEditorStore(selectStageRunStatus(stage.stageId));
  const [open, setOpen] = useState(false);
  return (
    <Table.Tr data-testid="run-stage-row" data-stage-id={stage.stageId} data-state={stage.state}>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {stage.sql && (
          <Tooltip label={open ? 'Hide SQL' : 'Show SQL'}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={open ? 'Hide SQL' : 'Show SQL'}
              onClick={() => setOpen(!open)}
            >
              {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm" truncate="end" title={`${stage.label} (${stage.stageId})`}>
          {stage.label}{' '}
          <Text span size="xs" c="dimmed">
            {stage.stageId}
          </Text>
        </Text>
        {status && <LoadProgress status={status} />}
        {stage.error && (
          <Text
            size="sm"
            c="red"
            data-testid="run-stage-error"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {stage.error}
          </Text>
        )}
        {open && stage.sql && (
          <Code
            block
            mt={4}
            data-testid="run-stage-sql"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}
          >
            {stage.sql}
          </Code>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Badge size="xs" variant="light" color={RUN_STATE_COLOR[stage.state]}>
          {stage.state}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" style={{ verticalAlign: 'top', fontVariantNumeric: 'tabular-nums' }}>
        <StageRows stage={stage} />
      </Table.Td>
      <Table.Td ta="right" c="dimmed" style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        <StageTime stage={stage} />
      </Table.Td>
    </Table.Tr>
  );
}
