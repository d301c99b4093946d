import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';

import type { StageDefinition } from '@sluice/stages';
import { getStage } from '@sluice/stages';

import type { StageFlowNode } from '../store/stage-node-model';
import { StageIcon } from '../../lib/stage-icon';
import { useEditorStore } from '../store/editor-context';
import { selectStageCut, selectStageRunStatus } from '../store/selectors';
import { ExecutorBadge } from './executor-badge';
import { NODE_WIDTH } from './node-size';
import { cutStyle, runStateStyle } from './run-state-style';
import { StagePorts } from './stage-ports';
import { StageProblemBadges } from './stage-problem-badges';
import { StageRunLine } from './stage-run-line';

/** The stage type under the label, unless the label already says it (then the id shows). */
function subtitle(label: string, typeLabel: string | undefined, type: string) {
  if (typeLabel === undefined) return `Unknown type "${type}"`;
  return label === typeLabel ? undefined : typeLabel;
}

/** The stage type's one-line summary of a valid config (the table it writes…), if it has one. */
function summaryOf(definition: StageDefinition | undefined, config: Record<string, unknown>) {
  const parsed = definition?.config.safeParse(config);
  return parsed?.success ? definition?.ui.summary?.(parsed.data) : undefined;
}

/** How long the pointer rests on a stage before its description shows, so passing by is quiet. */
const DESCRIPTION_DELAY_MS = 400;

/**
 * The one node component of every stage type: icon, label (wrapping to two lines, whole on
 * hover), type, the stage type's summary, ports, problems, run state, and the person's
 * description when the pointer rests on it.
 */
export const StageNode = memo(function StageNode({
  id,
  data,
  selected,
  dragging,
}: NodeProps<StageFlowNode>) {
  const definition = getStage(data.type);
  const status = useEditorStore(selectStageRunStatus(id));
  const cut = useEditorStore(selectStageCut(id));
  const color = definition ? 'indigo' : 'red';
  const label = data.label || id;
  const summary = summaryOf(definition, data.config);
  const executor = definition?.category === 'executor';
  return (
    <Tooltip
      label={data.description}
      disabled={!data.description || dragging}
      multiline
      w={280}
      openDelay={DESCRIPTION_DELAY_MS}
      position="top"
      withArrow
      data-testid="stage-description"
    >
      <Paper
        withBorder
        shadow={selected ? 'md' : 'xs'}
        radius="md"
        px="sm"
        py={8}
        w={NODE_WIDTH}
        data-run-state={status?.state ?? 'idle'}
        data-cut={cut}
        data-category={definition?.category}
        style={{
          // An executor moves no rows: a dashed frame sets it apart from the stages that do.
          ...(executor ? { borderStyle: 'dashed', borderWidth: 2 } : {}),
          outline: selected ? '2px solid var(--mantine-primary-color-filled)' : undefined,
          outlineOffset: 2,
          ...runStateStyle(status?.state),
          ...cutStyle(cut),
        }}
      >
        <StagePorts kind="target" ports={definition?.ports.inputs ?? []} />
        <Group gap="xs" wrap="nowrap" align="center">
          <ThemeIcon variant="light" color={color} size="lg" radius="md">
            <StageIcon name={definition?.ui.icon} size={20} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text
              size="sm"
              fw={600}
              lineClamp={2}
              title={label}
              style={{ wordBreak: 'break-word' }}
            >
              {label}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {subtitle(data.label, definition?.ui.label, data.type) ?? id}
            </Text>
          </Stack>
          <StageProblemBadges stageId={id} />
        </Group>
        {summary && (
          <Text
            size="xs"
            ff="monospace"
            mt={6}
            truncate="end"
            title={summary}
            data-testid="stage-summary"
          >
            {summary}
          </Text>
        )}
        {executor && <ExecutorBadge definition={definition} config={data.config} />}
        {status && <StageRunLine stageId={id} status={status} />}
        <StagePorts kind="source" ports={definition?.ports.outputs ?? []} />
      </Paper>
    </Tooltip>
  );
});
