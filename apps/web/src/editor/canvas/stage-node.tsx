import type { NodeProps } from '@xyflow/react';
import type { ReactElement } from 'react';
import { memo } from 'react';
import { Tooltip } from '@mantine/core';

import type { StageDefinition } from '@sluice/stages';
import { getStage } from '@sluice/stages';

import type { StageFlowNode } from '../store/stage-node-model';
import { StageIcon } from '../../lib/stage-icon';
import { useEditorStore } from '../store/editor-context';
import { selectStageCut, selectStageRunStatus } from '../store/selectors';
import { ExecutorBadge } from './executor-badge';
import { NODE_WIDTH } from './node-size';
import { cutStyle, runStateStyle } from './run-state-style';
import classes from './stage-node.module.css';
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
 * The person's description of a stage when the pointer rests on it. Only a described stage
 * mounts a tooltip: on a large flow, one per stage would cost more than the stages themselves.
 */
function DescriptionTooltip({
  description,
  dragging,
  children,
}: {
  description: string | undefined;
  dragging: boolean;
  children: ReactElement;
}) {
  if (!description) return children;
  return (
    <Tooltip
      label={description}
      disabled={dragging}
      multiline
      w={280}
      openDelay={DESCRIPTION_DELAY_MS}
      position="top"
      withArrow
      data-testid="stage-description"
    >
      {children}
    </Tooltip>
  );
}

/**
 * Whether a stage looks the same: it draws nothing of where it is, so the position React Flow
 * passes on every frame of a drag does not draw it again (React Flow moves its wrapper).
 */
const sameLook = (before: NodeProps<StageFlowNode>, after: NodeProps<StageFlowNode>) =>
  before.id === after.id &&
  before.data === after.data &&
  before.selected === after.selected &&
  before.dragging === after.dragging;

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
  const label = data.label || id;
  const summary = summaryOf(definition, data.config);
  const executor = definition?.category === 'executor';
  return (
    <DescriptionTooltip description={data.description} dragging={dragging}>
      <div
        className={classes.stage}
        data-selected={selected || undefined}
        data-run-state={status?.state ?? 'idle'}
        data-cut={cut}
        data-category={definition?.category}
        style={{ width: NODE_WIDTH, ...runStateStyle(status?.state), ...cutStyle(cut) }}
      >
        <StagePorts kind="target" ports={definition?.ports.inputs ?? []} />
        <div className={classes.head}>
          <span className={classes.icon} data-unknown={definition ? undefined : true}>
            <StageIcon name={definition?.ui.icon} size={20} />
          </span>
          <div className={classes.names}>
            <p className={classes.label} title={label}>
              {label}
            </p>
            <p className={classes.type}>
              {subtitle(data.label, definition?.ui.label, data.type) ?? id}
            </p>
          </div>
          <StageProblemBadges stageId={id} />
        </div>
        {summary && (
          <p className={classes.summary} title={summary} data-testid="stage-summary">
            {summary}
          </p>
        )}
        {executor && <ExecutorBadge definition={definition} config={data.config} />}
        {status && <StageRunLine stageId={id} status={status} />}
        <StagePorts kind="source" ports={definition?.ports.outputs ?? []} />
      </div>
    </DescriptionTooltip>
  );
}, sameLook);
