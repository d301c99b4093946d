import { useState } from 'react';
import { ActionIcon, Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';

import type { RunStageDetail } from '../store/run-types';
import { formatDuration } from '../../lib/format';
import { formatCount } from '../../lib/format-count';
import { RUN_STATE_COLOR } from '../canvas/run-state-style';

/** One row per stage: label, state, rows, duration, the full error, and its SQL on demand. */
export function RunStageTable({ stages }: { stages: readonly RunStageDetail[] }) {
  return (
    <Table verticalSpacing={4} fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={32} />
          <Table.Th>Stage</Table.Th>
          <Table.Th w={110}>State</Table.Th>
          <Table.Th w={100} ta="right">
            Rows
          </Table.Th>
          <Table.Th w={90} ta="right">
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
  );
}

function StageRow({ stage }: { stage: RunStageDetail }) {
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
      <Table.Td>
        <Text size="sm" truncate="end">
          {stage.label}{' '}
          <Text span size="xs" c="dimmed">
            {stage.stageId}
          </Text>
        </Text>
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
          <Code block mt={4} style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {stage.sql}
          </Code>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Badge size="sm" variant="light" color={RUN_STATE_COLOR[stage.state]}>
          {stage.state}
        </Badge>
      </Table.Td>
      <Table.Td
        ta="right"
        data-testid="run-stage-rows"
        style={{ verticalAlign: 'top', fontVariantNumeric: 'tabular-nums' }}
      >
        {stage.rows === undefined ? '' : formatCount(stage.rows)}
      </Table.Td>
      <Table.Td ta="right" c="dimmed" style={{ verticalAlign: 'top' }}>
        {stage.durationMs === undefined ? '' : formatDuration(stage.durationMs)}
      </Table.Td>
    </Table.Tr>
  );
}
