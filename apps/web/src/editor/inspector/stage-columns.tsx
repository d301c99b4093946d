import { Badge, Group, Stack, Text } from '@mantine/core';

import type { Columns, InputColumns } from '@sluice/stages';

function ColumnList({ title, columns }: { title: string; columns: Columns }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed">
        {title}
      </Text>
      {columns === undefined ? (
        <Text size="xs" c="dimmed">
          Known when the flow runs.
        </Text>
      ) : columns.length === 0 ? (
        <Text size="xs" c="dimmed">
          None.
        </Text>
      ) : (
        <Group gap={4}>
          {columns.map((c) => (
            <Badge key={c.name} variant="default" radius="sm" style={{ textTransform: 'none' }}>
              {c.name}
              {c.type && (
                <Text span size="xs" c="dimmed" ml={4}>
                  {c.type}
                </Text>
              )}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

interface StageColumnsProps {
  inputPorts: readonly string[];
  inputs: InputColumns;
  outputs: Columns;
}

/** The columns flowing into a stage (per input port) and out of it, as live validation sees them. */
export function StageColumns({ inputPorts, inputs, outputs }: StageColumnsProps) {
  return (
    <Stack gap="sm">
      {inputPorts.map((port) => {
        const title = inputPorts.length > 1 ? `Input "${port}"` : 'Input';
        return Object.hasOwn(inputs, port) ? (
          <ColumnList key={port} title={title} columns={inputs[port]} />
        ) : (
          <Stack key={port} gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {title}
            </Text>
            <Text size="xs" c="dimmed">
              Not linked yet.
            </Text>
          </Stack>
        );
      })}
      <ColumnList title="Output" columns={outputs} />
    </Stack>
  );
}
