import type { DragEvent } from 'react';
import { Group, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';

import type { StageDefinition } from '@sluice/stages';

import { StageIcon } from '../../lib/stage-icon';
import { STAGE_DRAG_TYPE } from '../canvas/flow-canvas';
import classes from './palette-item.module.css';
import { StageHelp } from './stage-help';

interface PaletteItemProps {
  definition: StageDefinition;
  onAdd: (type: string) => void;
}

/**
 * One stage type: drag it onto the canvas, or click / press Enter to add it at the centre; the
 * help button beside it explains the type and its fields.
 */
export function PaletteItem({ definition, onAdd }: PaletteItemProps) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(STAGE_DRAG_TYPE, definition.type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={definition.ui.description} position="right" openDelay={400} multiline w={220}>
        <UnstyledButton
          className={classes.item}
          style={{ flex: 1, minWidth: 0 }}
          data-testid={`palette-item-${definition.type}`}
          draggable
          onDragStart={onDragStart}
          onClick={() => onAdd(definition.type)}
          aria-label={`Add ${definition.ui.label}`}
        >
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" radius="md" size="md">
              <StageIcon name={definition.ui.icon} size={16} />
            </ThemeIcon>
            <Text size="sm" truncate="end">
              {definition.ui.label}
            </Text>
          </Group>
        </UnstyledButton>
      </Tooltip>
      <StageHelp definition={definition} />
    </Group>
  );
}
