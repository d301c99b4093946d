import { Alert, Stack } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';

import type { Diagnostic } from '@sluice/flow';

/** Problems that belong to a stage or the flow as a whole rather than to one field. */
export function DiagnosticList({
  diagnostics,
  labelOf,
}: {
  diagnostics: readonly Diagnostic[];
  /** When given, each problem is prefixed with the label of its stage. */
  labelOf?: (stageId: string) => string | undefined;
}) {
  if (diagnostics.length === 0) return null;
  return (
    <Stack gap={6} data-testid="stage-diagnostics">
      {diagnostics.map((d, i) => (
        <Alert
          key={`${d.code}-${i}`}
          color={d.severity === 'error' ? 'red' : 'yellow'}
          variant="light"
          p="xs"
          icon={
            d.severity === 'error' ? <IconAlertCircle size={16} /> : <IconAlertTriangle size={16} />
          }
        >
          {d.stageId && labelOf ? `${labelOf(d.stageId) ?? d.stageId}: ${d.message}` : d.message}
        </Alert>
      ))}
    </Stack>
  );
}
