import { Code, Group, Stack, Text } from '@mantine/core';

import type { RunDetail } from '../store/run-types';
import { formatDuration } from '../../lib/format';

/**
 * Every statement the run sent, in order, with its stage and time (secrets were masked by the
 * server); the one that failed is marked with the database's message.
 */
export function RunStatements({ run }: { run: RunDetail }) {
  const statements = run.live?.statements ?? [];
  const labels = new Map(run.stages.map((stage) => [stage.stageId, stage.label]));
  if (statements.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {run.live
          ? 'No statement has finished yet.'
          : 'Statements are listed while a run is followed; each stage keeps its SQL in the Stages tab.'}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="run-statements">
      {statements.map((statement, index) => (
        <Stack
          key={`${statement.stepId}-${String(index)}`}
          gap={2}
          data-testid="run-statement"
          data-stage-id={statement.stageId}
          data-failed={statement.error !== undefined}
        >
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" fw={600}>
              {index + 1}.{' '}
              {statement.stageId === undefined
                ? 'Run'
                : (labels.get(statement.stageId) ?? statement.stageId)}
            </Text>
            <Text size="xs" c="dimmed">
              {statement.stepId}
            </Text>
            <Text size="xs" c={statement.error ? 'red' : 'dimmed'} ml="auto">
              {statement.error ? 'failed after ' : ''}
              {formatDuration(statement.durationMs)}
            </Text>
          </Group>
          <Code
            block
            style={{
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              fontSize: 12,
              maxHeight: 120,
              overflow: 'auto',
              borderLeft: statement.error ? '3px solid var(--mantine-color-red-6)' : undefined,
            }}
          >
            {statement.sql}
          </Code>
          {statement.error && (
            <Text
              size="sm"
              c="red"
              data-testid="run-statement-error"
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {statement.error}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
