import { useCallback, useMemo } from 'react';
import {
  Badge,
  Divider,
  Group,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useShallow } from 'zustand/react/shallow';

import { getStage } from '@sluice/stages';

import type { StageFlowNode } from '../store/stage-node-model';
import { StageIcon } from '../../lib/stage-icon';
import { StageHelp } from '../palette/stage-help';
import { useEditorStore } from '../store/editor-context';
import {
  selectAnalysis,
  selectEdges,
  selectSelectedStage,
  selectStageDiagnostics,
} from '../store/selectors';
import { stageColumns } from '../store/stage-columns';
import { DiagnosticList } from './diagnostic-list';
import { EmptyInspector } from './empty-inspector';
import { RunUpToHereButton } from './run-up-to-here-button';
import { StageColumns } from './stage-columns';
import { StageForm } from './stage-form';
import { StageRunError } from './stage-run-error';

/** The right-hand panel: the selected stage's last run error, label, settings, problems, columns. */
export function StageInspector() {
  const stage = useEditorStore(selectSelectedStage);
  return (
    <ScrollArea h="100%" type="auto">
      <div data-testid="inspector">
        {stage ? <StageSettings key={stage.id} stage={stage} /> : <EmptyInspector />}
      </div>
    </ScrollArea>
  );
}

function StageSettings({ stage }: { stage: StageFlowNode }) {
  const { id, data } = stage;
  const definition = getStage(data.type);
  const diagnostics = useEditorStore(useShallow(selectStageDiagnostics(id)));
  const analysis = useEditorStore(selectAnalysis);
  const edges = useEditorStore(selectEdges);
  const columns = useMemo(() => stageColumns(analysis, edges, id), [analysis, edges, id]);
  const renameStage = useEditorStore((s) => s.renameStage);
  const updateStageConfig = useEditorStore((s) => s.updateStageConfig);
  const onChange = useCallback(
    (patch: Record<string, unknown>) => updateStageConfig(id, patch),
    [id, updateStageConfig],
  );
  const stageLevel = diagnostics.filter((d) => !d.path || d.path.length === 0);
  const fieldLevel = diagnostics.filter((d) => d.path && d.path.length > 0);
  return (
    <Stack gap="md" p="md">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" size="lg" radius="md" color={definition ? 'indigo' : 'red'}>
          <StageIcon name={definition?.ui.icon} size={20} />
        </ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600}>{definition?.ui.label ?? `Unknown type "${data.type}"`}</Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {definition?.ui.description ?? 'This Sluice does not know this stage type.'}
          </Text>
        </Stack>
        {definition && <StageHelp definition={definition} position="bottom-end" />}
        <Badge
          variant="outline"
          color="gray"
          ml="auto"
          style={{ textTransform: 'none', flexShrink: 0 }}
        >
          {id}
        </Badge>
      </Group>
      <StageRunError stageId={id} />
      <RunUpToHereButton stageId={id} />
      <TextInput
        label="Label"
        data-testid="stage-label-input"
        value={data.label}
        maxLength={200}
        onChange={(e) => renameStage(id, e.currentTarget.value)}
      />
      <DiagnosticList diagnostics={stageLevel} />
      {definition && (
        <StageForm
          definition={definition}
          stageId={id}
          config={data.config}
          issues={fieldLevel}
          inputs={columns.inputs}
          node={analysis?.stages[id]?.node}
          onChange={onChange}
        />
      )}
      <Divider label="Data in and out" labelPosition="left" />
      <StageColumns
        inputPorts={definition?.ports.inputs ?? []}
        inputs={columns.inputs}
        outputs={columns.outputs}
      />
    </Stack>
  );
}
