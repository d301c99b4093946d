import { useState } from 'react';
import { ActionIcon, Badge, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFileText, IconTable } from '@tabler/icons-react';

import { getStage } from '@sluice/stages';

import type { RunStageDetail } from '../store/run-types';
import { formatCount, formatDuration } from '../../lib/format';
import { RUN_STATE_COLOR } from '../canvas/run-state-style';
import { useEditorStore } from '../store/editor-context';
import { selectStageRowsIn, selectStageRunStatus } from '../store/selectors';
import { DestinationRowsModal } from './destination-rows-modal';
import { ExportHeadModal } from './export-head-modal';
import { LoadProgress } from './load-progress';
import { stageDurationMs } from './stage-timing';
import { useNow } from './use-now';

/**
 * Below this width the table scrolls sideways instead of squeezing the stage names away: the
 * panel sits between the palette and the inspector, about 460 px wide on a 1024 px screen.
 */
const MIN_TABLE_WIDTH = 400;

/**
 * One row per stage: label, state, rows, duration, the full error, its SQL on demand, and for a
 * table the run wrote, its rows.
 */
export function RunStageTable({
  runId,
  stages,
}: {
  runId: string;
  stages: readonly RunStageDetail[];
}) {
  const [shown, setShown] = useState<{ stage: RunStageDetail; kind: ResultKind }>();
  return (
    <Table.ScrollContainer minWidth={MIN_TABLE_WIDTH} type="native">
      <Table verticalSpacing={4} fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>Stage</Table.Th>
            <Table.Th w={108}>State</Table.Th>
            <Table.Th w={150} ta="right">
              Rows in → out
            </Table.Th>
            <Table.Th w={60} ta="right">
              Time
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((stage) => (
            <StageRow
              key={stage.stageId}
              stage={stage}
              onShow={(kind) => setShown({ stage, kind })}
            />
          ))}
        </Table.Tbody>
      </Table>
      {shown?.kind === 'table' && (
        <DestinationRowsModal
          runId={runId}
          stage={shown.stage}
          onClose={() => setShown(undefined)}
        />
      )}
      {shown?.kind === 'file' && (
        <ExportHeadModal runId={runId} stage={shown.stage} onClose={() => setShown(undefined)} />
      )}
    </Table.ScrollContainer>
  );
}

/** What a destination left behind that the run panel can open: a table's rows or a file's head. */
type ResultKind = 'table' | 'file';

/**
 * A table destination reports the table's total once it wrote it; a peek shows its rows under
 * the table itself; another destination that succeeded wrote a file. Tables and files can be
 * opened.
 */
function resultOf(stage: RunStageDetail): ResultKind | undefined {
  if (stage.tableRows !== undefined) return 'table';
  if (stage.peeked) return undefined;
  const destination = getStage(stage.type)?.category === 'destination';
  return destination && stage.state === 'succeeded' ? 'file' : undefined;
}

const RESULT_BUTTON = {
  table: { tip: "Show the table's rows", testId: 'show-destination-rows', Icon: IconTable },
  file: { tip: "Show the file's first lines", testId: 'show-export-head', Icon: IconFileText },
} as const;

function ShowResultButton({
  stage,
  onShow,
}: {
  stage: RunStageDetail;
  onShow: (kind: ResultKind) => void;
}) {
  const kind = resultOf(stage);
  if (!kind) return null;
  const { tip, testId, Icon } = RESULT_BUTTON[kind];
  return (
    <Tooltip label={tip}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        ml={4}
        aria-label={`${tip} (${stage.label})`}
        data-testid={testId}
        onClick={() => onShow(kind)}
      >
        <Icon size={14} />
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * Rows a stage read (from the stages linked into it) and produced; for a table destination,
 * what it wrote and the table's total after, so a third append reads "2,000 written · 6,000 in table" rather than the same count again.
 */
function StageRows({ stage }: { stage: RunStageDetail }) {
  const rowsIn = useEditorStore(selectStageRowsIn(stage.stageId));
  const rows = (
    <>
      {rowsIn !== undefined && (
        <Text span inherit c="dimmed" data-testid="run-stage-rows-in">
          {formatCount(rowsIn)} →{' '}
        </Text>
      )}
      <span data-testid="run-stage-rows">
        {stage.rows === undefined ? '' : formatCount(stage.rows)}
      </span>
    </>
  );
  if (stage.tableRows === undefined) return rows;
  return (
    <>
      {rows} written ·{' '}
      <Text span inherit c="dimmed">
        <span data-testid="run-stage-table-rows">{formatCount(stage.tableRows)}</span> in table
      </Text>
    </>
  );
}

/** The stage's duration, ticking while it runs. */
function StageTime({ stage }: { stage: RunStageDetail }) {
  const startedAt = useEditorStore((s) => s.runStatus[stage.stageId]?.startedAt);
  const now = useNow(stage.state === 'running', 250);
  const duration = stageDurationMs({ ...stage, startedAt }, now);
  return (
    <span data-testid="run-stage-duration">
      {duration === undefined ? '' : formatDuration(duration)}
    </span>
  );
}

function StageRow({
  stage,
  onShow,
}: {
  stage: RunStageDetail;
  onShow: (kind: ResultKind) => void;
}) {
  const status = useEditorStore(selectStageRunStatus(stage.stageId));
  const [open, setOpen] = useState(false);
  return (
    <Table.Tr data-testid="run-stage-row" data-stage-id={stage.stageId} data-state={stage.state}>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {stage.sql && (
          <Tooltip label={open ? 'Hide SQL' : 'Show SQL'}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={open ? 'Hide SQL' : 'Show SQL'}
              onClick={() => setOpen(!open)}
            >
              {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Group gap={0} wrap="nowrap">
          <Text size="sm" truncate="end" title={`${stage.label} (${stage.stageId})`}>
            {stage.label}{' '}
            <Text span size="xs" c="dimmed">
              {stage.stageId}
            </Text>
          </Text>
          <ShowResultButton stage={stage} onShow={onShow} />
        </Group>
        {status && <LoadProgress status={status} />}
        {stage.error && (
          <Text
            size="sm"
            c="red"
            data-testid="run-stage-error"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {stage.error}
          </Text>
        )}
        {open && stage.sql && (
          <Code
            block
            mt={4}
            data-testid="run-stage-sql"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}
          >
            {stage.sql}
          </Code>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Badge size="xs" variant="light" color={RUN_STATE_COLOR[stage.state]}>
          {stage.state}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" style={{ verticalAlign: 'top', fontVariantNumeric: 'tabular-nums' }}>
        <StageRows stage={stage} />
      </Table.Td>
      <Table.Td ta="right" c="dimmed" style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        <StageTime stage={stage} />
      </Table.Td>
    </Table.Tr>
  );
}
