import { ActionIcon, Box, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';

import { RowActions, TimeAgo } from '../lib/table-cells';
import { ExternalStageFiles } from './external-stage-files';

interface ExternalStageRowProps {
  stage: { name: string; url: string; comment: string; updatedAt: string };
  expanded: boolean;
  actions: { onToggle: () => void; onEdit: () => void; onDelete: () => void };
}

/** One external stage; expanding it lists the files of its folder underneath. */
export function ExternalStageRow({ stage, expanded, actions }: ExternalStageRowProps) {
  const Chevron = expanded ? IconChevronDown : IconChevronRight;
  return (
    <>
      <Table.Tr data-testid="external-stage-row" data-name={stage.name}>
        <Table.Td>
          <Tooltip label={expanded ? 'Hide files' : 'Show files'}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`${expanded ? 'Hide' : 'Show'} the files of ${stage.name}`}
              aria-expanded={expanded}
              data-testid="toggle-external-stage-files"
              onClick={actions.onToggle}
            >
              <Chevron size={16} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
        <Table.Td fw={500}>{stage.name}</Table.Td>
        <Table.Td ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
          {stage.url}
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={stage.comment ? undefined : 'dimmed'} lineClamp={2}>
            {stage.comment || '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <TimeAgo at={stage.updatedAt} />
        </Table.Td>
        <Table.Td>
          <RowActions
            subject={stage.name}
            actions={[
              {
                kind: 'edit',
                label: 'Edit',
                testId: 'edit-external-stage',
                onClick: actions.onEdit,
              },
              {
                kind: 'delete',
                label: 'Delete',
                testId: 'delete-external-stage',
                onClick: actions.onDelete,
              },
            ]}
          />
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr>
          <Table.Td colSpan={6} p={0} bg="var(--mantine-color-default-hover)">
            <Box pl={52} pr="md" py="xs">
              <ExternalStageFiles name={stage.name} />
            </Box>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
