import { Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconEye, IconPlayerPlay, IconRestore } from '@tabler/icons-react';

import type { PastRunView } from '../store/read-only';
import { navigate } from '../../lib/router';
import { useEditorStore } from '../store/editor-context';
import { usePastRunActions } from './use-past-run-actions';

/** The bar above a past run's canvas: what is shown, and the ways on from it. */
export function PastRunBanner() {
  const pastRun = useEditorStore((s) => s.pastRun);
  const flowId = useEditorStore((s) => s.flowId);
  if (!pastRun) return null;
  return <Banner flowId={flowId} view={pastRun} />;
}

function Banner({ flowId, view }: { flowId: string; view: PastRunView }) {
  const { rerun, restore, busy } = usePastRunActions(flowId, view);
  const isCurrent = view.version === view.currentVersion;
  return (
    <Group
      data-testid="past-run-banner"
      justify="space-between"
      wrap="nowrap"
      gap="sm"
      px="md"
      py={6}
      bg="var(--mantine-color-yellow-light)"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }}
    >
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        <IconEye size={18} style={{ flexShrink: 0 }} />
        <Text size="sm" fw={600} truncate="end">
          Run of version {view.version} — read-only
        </Text>
        {isCurrent && (
          <Text size="xs" c="dimmed" visibleFrom="lg">
            (the current version)
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button
          size="compact-sm"
          leftSection={<IconPlayerPlay size={14} />}
          data-testid="rerun-button"
          loading={busy === 'rerun'}
          disabled={busy !== undefined}
          onClick={() => void rerun()}
        >
          Run again
        </Button>
        {!isCurrent && (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconRestore size={14} />}
            data-testid="restore-version-button"
            loading={busy === 'restore'}
            disabled={busy !== undefined}
            title={`Make version ${String(view.version)} the current flow again, as a new version`}
            onClick={() => void restore()}
          >
            Restore
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconArrowBackUp size={14} />}
          data-testid="current-flow-button"
          onClick={() => navigate(`/flows/${encodeURIComponent(flowId)}`)}
        >
          Current flow
        </Button>
      </Group>
    </Group>
  );
}
