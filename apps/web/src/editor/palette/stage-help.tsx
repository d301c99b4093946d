import type { PopoverProps } from '@mantine/core';
import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import { IconHelp } from '@tabler/icons-react';

import type { StageDefinition } from '@sluice/stages';

/** A stage type's description and each field's help: what the help button and menu show. */
export function StageHelpContent({ definition }: { definition: StageDefinition }) {
  const fields = Object.values(definition.ui.fields).filter((f) => f !== undefined);
  return (
    <Stack gap="xs">
      <Text size="sm">{definition.ui.description}</Text>
      {fields.map((field) => (
        <Text key={field.label} size="xs">
          <Text span fw={600} inherit>
            {field.label}
          </Text>
          {field.help ? ` — ${field.help}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

/** A help button whose popover shows a stage type's description and each field's help. */
export function StageHelp({
  definition,
  position = 'right-start',
}: {
  definition: StageDefinition;
  position?: PopoverProps['position'];
}) {
  return (
    <Popover width={300} position={position} shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`Help on ${definition.ui.label}`}
          data-testid={`stage-help-${definition.type}`}
        >
          <IconHelp size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown data-testid="stage-help">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {definition.ui.label}
          </Text>
          <StageHelpContent definition={definition} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
