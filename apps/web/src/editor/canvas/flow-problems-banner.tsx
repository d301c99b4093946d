import { Alert, Stack } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';

import { useEditorStore } from '../store/editor-context';
import { selectFlowDiagnostics } from '../store/selectors';

/** Problems of the flow as a whole (no destination, …), over the top of the canvas. */
export function FlowProblemsBanner() {
  const diagnostics = useEditorStore(useShallow(selectFlowDiagnostics));
  if (diagnostics.length === 0) return null;
  return (
    <Stack
      gap={4}
      data-testid="flow-diagnostics"
      style={{
        position: 'absolute',
        top: 12,
        left: '50%',
        transform: 'translateX(-50%)',
        zIndex: 5,
      }}
      maw="min(640px, calc(100% - 32px))"
    >
      {diagnostics.map((d, i) => {
        const error = d.severity === 'error';
        const Icon = error ? IconAlertCircle : IconAlertTriangle;
        return (
          <Alert
            key={`${d.code}-${i}`}
            color={error ? 'red' : 'yellow'}
            variant="light"
            py={6}
            px="sm"
            radius="md"
            icon={<Icon size={16} />}
            data-severity={d.severity}
            style={{ boxShadow: 'var(--mantine-shadow-sm)', backdropFilter: 'blur(4px)' }}
          >
            {d.message}
          </Alert>
        );
      })}
    </Stack>
  );
}
