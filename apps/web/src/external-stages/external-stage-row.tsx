import { ActionIcon, Badge, Box, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconLock } from '@tabler/icons-react';

import type { ExternalStageKind, SecretKey } from './external-stage-kinds';
import { RowActions, TimeAgo } from '../lib/table-cells';
import { ExternalStageEnabledSwitch } from './external-stage-enabled-switch';
import { ExternalStageFiles } from './external-stage-files';
import { KIND_INFO } from './external-stage-kinds';

interface ExternalStageRowProps {
  stage: {
    name: string;
    url: string;
    comment: string;
    updatedAt: string;
    kind: ExternalStageKind;
    secretsSet: readonly SecretKey[];
    enabled: boolean;
  };
  expanded: boolean;
  actions: { onToggle: () => void; onEdit: () => void; onDelete: () => void };
}

const S3_UNLISTED = 'Sluice lists files of folders on its server; the database reads S3 itself.';

/** One external stage; expanding it lists the files of its folder underneath. */
export function ExternalStageRow({ stage, expanded, actions }: ExternalStageRowProps) {
  const Chevron = expanded ? IconChevronDown : IconChevronRight;
  const listable = stage.kind !== 's3';
  return (
    <>
      <Table.Tr
        data-testid="external-stage-row"
        data-name={stage.name}
        data-enabled={stage.enabled}
        c={stage.enabled ? undefined : 'dimmed'}
      >
        <Table.Td>
          <Tooltip label={listable ? (expanded ? 'Hide files' : 'Show files') : S3_UNLISTED}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`${expanded ? 'Hide' : 'Show'} the files of ${stage.name}`}
              aria-expanded={expanded}
              data-testid="toggle-external-stage-files"
              disabled={!listable}
              onClick={actions.onToggle}
            >
              <Chevron size={16} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
        <Table.Td fw={500}>{stage.name}</Table.Td>
        <Table.Td>
          <Badge variant="light" color="gray" data-testid="external-stage-kind-badge">
            {KIND_INFO[stage.kind].label}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
            {stage.url}
          </Text>
          {stage.secretsSet.length > 0 && (
            <Group gap={4} mt={2} c="dimmed" data-testid="external-stage-secrets-set">
              <IconLock size={12} />
              <Text size="xs">
                {stage.secretsSet.length === 2
                  ? 'Secrets set'
                  : `${stage.secretsSet.join(', ')} set`}
              </Text>
            </Group>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={stage.comment ? undefined : 'dimmed'} lineClamp={2}>
            {stage.comment || '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <ExternalStageEnabledSwitch name={stage.name} enabled={stage.enabled} />
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
      {expanded && listable && (
        <Table.Tr>
          <Table.Td colSpan={8} p={0} bg="var(--mantine-color-default-hover)">
            <Box pl={52} pr="md" py="xs">
              <ExternalStageFiles name={stage.name} />
            </Box>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
