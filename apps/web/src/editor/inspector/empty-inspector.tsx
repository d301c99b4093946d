import { Stack, Text } from '@mantine/core';
import { useShallow } from 'zustand/react/shallow';

import type { EditorState } from '../store/editor-state';
import { useEditorStore } from '../store/editor-context';
import { DiagnosticList } from './diagnostic-list';

const selectFlowLevel = (s: EditorState) => s.diagnostics.filter((d) => d.stageId === undefined);

/** With no stage selected: how to start, and the problems of the flow as a whole. */
export function EmptyInspector() {
  const flowLevel = useEditorStore(useShallow(selectFlowLevel));
  return (
    <Stack gap="md" p="md">
      <Text fw={600}>No stage selected</Text>
      <Text size="sm" c="dimmed">
        Drag a stage from the palette onto the canvas (or click it), link outputs to inputs, then
        select a stage to edit its settings here.
      </Text>
      <DiagnosticList diagnostics={flowLevel} />
    </Stack>
  );
}
