import type { EdgeProps } from '@xyflow/react';
import { useState } from 'react';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';

import type { Columns } from '@sluice/stages';

import type { LinkEdge } from '../store/stage-node-model';
import { useEditorStore } from '../store/editor-context';

/** Beyond this many, the card ends with a count; the link's menu lists them all. */
const SHOWN_COLUMNS = 12;

/**
 * A link that shows the columns and types flowing along it while it is hovered or selected, so
 * the shape of the data is visible between any two stages before anything runs. Each link reads
 * only its own source's columns from the analysis, so an edit elsewhere does not redraw it.
 */
export function ColumnsLink(props: EdgeProps<LinkEdge>) {
  const { id, source, selected, markerEnd, style, interactionWidth } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const [hovered, setHovered] = useState(false);
  const columns = useEditorStore((s) => s.analysis?.columns[source]);
  return (
    <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={style}
        interactionWidth={interactionWidth}
      />
      {(hovered || selected) && (
        <EdgeLabelRenderer>
          <Paper
            data-testid="link-columns"
            className="nodrag nopan"
            shadow="sm"
            withBorder
            p={6}
            radius="sm"
            style={{
              position: 'absolute',
              transform: `translate(-50%, calc(-100% - 10px)) translate(${labelX}px, ${labelY}px)`,
              pointerEvents: 'none',
              zIndex: 10,
            }}
          >
            <LinkColumns columns={columns} limit={SHOWN_COLUMNS} />
          </Paper>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}

/** The columns along a link, name and type, the first `limit` of them (all by default). */
export function LinkColumns({ columns, limit = Infinity }: { columns: Columns; limit?: number }) {
  if (columns === undefined) {
    return (
      <Text size="xs" c="dimmed">
        Columns known when the flow runs
      </Text>
    );
  }
  if (columns.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No columns
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {columns.slice(0, limit).map((column) => (
        <Group key={column.name} gap={8} justify="space-between" wrap="nowrap">
          <Text size="xs" ff="monospace" data-testid="link-column">
            {column.name}
          </Text>
          <Text size="xs" c="dimmed">
            {column.type ?? 'type unknown'}
          </Text>
        </Group>
      ))}
      {columns.length > limit && (
        <Text size="xs" c="dimmed">
          and {columns.length - limit} more
        </Text>
      )}
    </Stack>
  );
}
