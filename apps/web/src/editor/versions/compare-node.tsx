import type { NodeProps } from '@xyflow/react';
import { Badge, Group, Paper, Text } from '@mantine/core';
import { Handle, Position } from '@xyflow/react';

import type { CompareNode, StageMark } from './compare-elements';
import { NODE_WIDTH } from '../canvas/node-size';

const MARK_COLOR: Record<StageMark, string> = {
  added: 'green',
  removed: 'red',
  changed: 'orange',
  moved: 'blue',
};

/** A stage on the comparison canvas: its label and type, badged with how it changed. */
export function CompareStageNode({ data, selected }: NodeProps<CompareNode>) {
  const removed = data.marks.includes('removed');
  return (
    <Paper
      withBorder
      p="xs"
      w={NODE_WIDTH}
      data-testid="compare-node"
      data-marks={data.marks.join(' ')}
      style={{
        opacity: removed ? 0.45 : 1,
        borderStyle: removed ? 'dashed' : undefined,
        borderColor: selected ? 'var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Text size="sm" fw={600} truncate="end">
        {data.label}
      </Text>
      <Group gap={4} justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {data.type}
        </Text>
        <Group gap={4} wrap="nowrap">
          {data.marks.map((mark) => (
            <Badge key={mark} size="xs" color={MARK_COLOR[mark]} data-testid={`mark-${mark}`}>
              {mark}
            </Badge>
          ))}
        </Group>
      </Group>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </Paper>
  );
}
