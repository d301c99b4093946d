import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import { timeAgo } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useEditorStore } from '../store/editor-context';
import { selectIsDirty } from '../store/selectors';
import { changeSummary } from './change-summary';
import { useRestoreVersion } from './use-restore-version';
import { VersionCompareModal } from './version-compare-modal';

/**
 * The flow's saved versions, newest first: when each was saved and how much it changed. Two
 * ticked versions compare on a canvas of their own; any version but the current one restores
 * as a new version.
 */
export function VersionsPanel() {
  const flowId = useEditorStore((s) => s.flowId);
  const current = useEditorStore((s) => s.version);
  // A past run's view has the run's version, not the current one, to restore on top of.
  const dirty = useEditorStore((s) => selectIsDirty(s) || s.pastRun !== undefined);
  const versions = useQuery(trpc.flow.versions.queryOptions({ id: flowId }));
  const { refetch } = versions;
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<{ from: number; to: number }>();
  const { restore, restoring } = useRestoreVersion();
  // A save or a restore adds a version: the list follows the editor's.
  useEffect(() => {
    void refetch();
  }, [current, refetch]);

  const toggle = (version: number) =>
    setPicked((now) =>
      now.includes(version) ? now.filter((v) => v !== version) : [...now, version].slice(-2),
    );
  const [older, newer] = [...picked].sort((a, b) => a - b);

  return (
    <Stack gap="xs" h="100%" p="xs" data-testid="versions-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Tick two versions to compare them.
        </Text>
        <Button
          size="compact-sm"
          leftSection={<IconArrowsDiff size={14} />}
          data-testid="compare-versions"
          disabled={older === undefined || newer === undefined}
          onClick={() => {
            if (older !== undefined && newer !== undefined)
              setComparing({ from: older, to: newer });
          }}
        >
          Compare {older !== undefined && newer !== undefined ? `${older} → ${newer}` : ''}
        </Button>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Table verticalSpacing={2} highlightOnHover>
          <Table.Tbody>
            {versions.data?.map((entry) => (
              <Table.Tr key={entry.version} data-testid="version-row" data-version={entry.version}>
                <Table.Td w={32}>
                  <Checkbox
                    aria-label={`Compare version ${entry.version}`}
                    data-testid="version-pick"
                    checked={picked.includes(entry.version)}
                    onChange={() => toggle(entry.version)}
                  />
                </Table.Td>
                <Table.Td w={110}>
                  <Text size="sm" fw={entry.version === current ? 600 : undefined}>
                    Version {entry.version}
                    {entry.version === current ? ' (current)' : ''}
                  </Text>
                </Table.Td>
                <Table.Td w={120}>
                  <Text size="xs" c="dimmed" title={entry.savedAt}>
                    {timeAgo(entry.savedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" data-testid="version-change">
                    {changeSummary(entry.change)}
                  </Text>
                </Table.Td>
                <Table.Td w={100} ta="right">
                  {entry.version !== current && (
                    <Tooltip
                      label={
                        dirty ? 'Save or undo your edits first' : 'Make it current as a new version'
                      }
                    >
                      <Button
                        size="compact-xs"
                        variant="default"
                        data-testid="restore-version"
                        disabled={dirty}
                        loading={restoring === entry.version}
                        onClick={() => void restore(entry.version)}
                      >
                        Restore
                      </Button>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <VersionCompareModal
        flowId={flowId}
        versions={comparing}
        canRestore={!dirty}
        onRestore={async (version) => {
          if (await restore(version)) setComparing(undefined);
        }}
        onClose={() => setComparing(undefined)}
      />
    </Stack>
  );
}
