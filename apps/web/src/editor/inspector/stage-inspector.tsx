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

import type { StageNodeData } from '../store/stage-node-model';
import { StageIcon } from '../../lib/stage-icon';
import { StageHelp } from '../palette/stage-help';
import { useEditorStore } from '../store/editor-context';
import {
  selectAnalysis,
  selectEdges,
  selectIsReadOnly,
  selectSelectedStageId,
  selectStageData,
  selectStageDiagnostics,
} from '../store/selectors';
import { stageColumns } from '../store/stage-columns';
import { DiagnosticList } from './diagnostic-list';
import { EmptyInspector } from './empty-inspector';
import { PreviewButton } from './preview-button';
import { RunUpToHereButton } from './run-up-to-here-button';
import { StageColumns } from './stage-columns';
import { StageDescriptionInput } from './stage-description-input';
import { StageForm } from './stage-form';
import { StageRunError } from './stage-run-error';

/** The right-hand panel: the selected stage's last run error, label, settings, problems, columns. */
export function StageInspector() {
  const id = useEditorStore(selectSelectedStageId);
  const readOnly = useEditorStore(selectIsReadOnly);
  return (
    <ScrollArea h="100%" type="auto">
      {/* A past run's settings can be read and copied but not changed. */}
      <fieldset
        data-testid="inspector"
        disabled={readOnly}
        style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
      >
        {id === undefined ? <EmptyInspector /> : <SelectedStage key={id} id={id} />}
      </fieldset>
    </ScrollArea>
  );
}

/** Reads the stage's data alone, which a drag leaves as it is, so dragging redraws no form. */
function SelectedStage({ id }: { id: string }) {
  const data = useEditorStore(useMemo(() => selectStageData(id), [id]));
  return data ? <StageSettings id={id} data={data} /> : <EmptyInspector />;
}

function StageSettings({ id, data }: { id: string; data: StageNodeData }) {
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
      <PreviewButton stageId={id} />
      <StageRunError stageId={id} />
      <RunUpToHereButton stageId={id} />
      <TextInput
        label="Label"
        data-testid="stage-label-input"
        value={data.label}
        maxLength={200}
        onChange={(e) => renameStage(id, e.currentTarget.value)}
      />
      <StageDescriptionInput stageId={id} description={data.description ?? ''} />
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
