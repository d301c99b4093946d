import { Code, Stack, Text } from '@mantine/core';

import type { RunDetail } from '../store/run-types';

/**
 * Why the run failed, pointing at the stage and, when the run was followed, the statement that
 * failed, with the database's message.
 */
export function RunFailure({ run }: { run: RunDetail }) {
  const stage = run.stages.find((s) => s.stageId === run.failedStageId);
  const failed = run.live?.statements.find((s) => s.error !== undefined);
  return (
    <Stack gap={4} data-testid="run-failure">
      {stage && (
        <Text size="sm" fw={600} c="red" data-testid="run-failed-stage">
          Failed at {stage.label}
          {failed ? ` (statement ${failed.stepId})` : ''}
        </Text>
      )}
      <Text size="sm" c="red" style={{ whiteSpace: 'pre-wrap' }}>
        {run.error}
      </Text>
      {failed && (
        <Code
          block
          data-testid="run-failed-statement"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12, maxHeight: 96 }}
        >
          {failed.sql}
        </Code>
      )}
    </Stack>
  );
}
