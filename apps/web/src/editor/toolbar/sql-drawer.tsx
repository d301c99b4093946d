import { Badge, Code, Drawer, Group, Stack, Text, Title } from '@mantine/core';

import { PHASES } from '@sluice/compiler';
import { hasErrors } from '@sluice/flow';

import { DiagnosticList } from '../inspector/diagnostic-list';
import { useEditorStoreApi } from '../store/editor-context';
import { useSqlPreview } from './use-sql-preview';

/** The SQL the current (unsaved included) flow compiles to, grouped by run phase, compiled here. */
export function SqlDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Title order={4}>SQL preview</Title>}
    >
      {opened && <SqlPreview />}
    </Drawer>
  );
}

function SqlPreview() {
  const store = useEditorStoreApi();
  const { steps, diagnostics } = useSqlPreview();
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
