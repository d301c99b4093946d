import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';

import { fullTime, timeAgo } from './format';

/** "3 minutes ago", with the exact time on hover. */
export function TimeAgo({ at }: { at: string }) {
  return (
    <Tooltip label={fullTime(at)}>
      <Text size="sm" c="dimmed" span style={{ whiteSpace: 'nowrap' }}>
        {timeAgo(at)}
      </Text>
    </Tooltip>
  );
}

/** One icon button of a table row; `label` is its tooltip and, with the subject, its name. */
export interface RowAction {
  kind: 'edit' | 'delete' | 'download';
  label: string;
  testId: string;
  onClick: () => void;
}

const ICONS = { edit: IconPencil, delete: IconTrash, download: IconDownload } as const;

/** The edit, download and delete buttons at the end of a table row. */
export function RowActions({ subject, actions }: { subject: string; actions: RowAction[] }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {actions.map(({ kind, label, testId, onClick }) => {
        const Icon = ICONS[kind];
        return (
          <Tooltip key={testId} label={label}>
            <ActionIcon
              variant="subtle"
              color={kind === 'delete' ? 'red' : 'gray'}
              aria-label={`${label} ${subject}`}
              data-testid={testId}
              onClick={onClick}
            >
              <Icon size={16} />
            </ActionIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}
