import { Alert, Badge, Code, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

import { PHASES } from '@sluice/compiler';
import { hasErrors } from '@sluice/flow';

import { useSystemInfo } from '../../lib/system-info';
import { errorMessage } from '../../lib/trpc';
import { DiagnosticList } from '../inspector/diagnostic-list';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { selectPreview, selectTarget } from '../store/selectors';

/** The SQL the current (unsaved included) flow compiles to, grouped by run phase, compiled here. */
export function SqlDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={<DrawerTitle />}>
      {opened && <SqlPreview />}
    </Drawer>
  );
}

/** Until `system.info` answers there is no target to compile for; if it fails, say why. */
function WaitingForTarget() {
  const info = useSystemInfo();
  if (info.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="Could not learn the target">
        {errorMessage(info.error)}
      </Alert>
    );
  }
  return (
    <Group gap="sm" data-testid="sql-view-waiting">
      <Loader size="sm" />
      <Text size="sm" c="dimmed">
        Asking the server which database flows run on…
      </Text>
    </Group>
  );
}

/** "SQL preview for MariaDB 10.11.19": the SQL differs from one target to the next. */
function DrawerTitle() {
  const target = useEditorStore(selectTarget);
  return (
    <Title order={4} data-testid="sql-view-title">
      SQL preview{target && ` for ${target.product} ${target.version}`}
    </Title>
  );
}

function SqlPreview() {
  const store = useEditorStoreApi();
  const preview = useEditorStore(selectPreview);
  if (!preview) return <WaitingForTarget />;
  const { steps, diagnostics } = preview;
  const labelOf = (id: string) => store.getState().nodes.find((n) => n.id === id)?.data.label;
  return (
    <Stack data-testid="sql-view" gap="lg">
      {steps.length === 0 && (
        <Text size="sm" c="dimmed">
          {hasErrors(diagnostics)
            ? 'The flow does not compile yet; fix the errors first.'
            : 'No SQL yet: no stage feeds a table destination or a file export.'}
        </Text>
      )}
      <DiagnosticList diagnostics={diagnostics} labelOf={labelOf} />
      {PHASES.map((phase) => {
        const inPhase = steps.filter((s) => s.phase === phase);
        if (inPhase.length === 0) return null;
        return (
          <Stack key={phase} gap="xs">
            <Text fw={700} size="sm" tt="capitalize">
              {phase}
            </Text>
            {inPhase.map((step) => (
              <Stack key={step.id} gap={4}>
                {step.stageId && (
                  <Group gap={6}>
                    <Badge variant="light" size="sm" style={{ textTransform: 'none' }}>
                      {labelOf(step.stageId) ?? step.stageId}
                    </Badge>
                  </Group>
                )}
                <Code
                  block
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}
                >
                  {step.sql}
                </Code>
              </Stack>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
