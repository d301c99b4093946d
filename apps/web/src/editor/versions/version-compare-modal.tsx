import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  useComputedColorScheme,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Background, ReactFlow, ReactFlowProvider } from '@xyflow/react';

import type { FlowDiff } from '@sluice/flow';

import type { CompareNode } from './compare-elements';
import { errorMessage, trpc } from '../../lib/trpc';
import { compareElements, fieldPathLabel } from './compare-elements';
import { CompareStageNode } from './compare-node';

const nodeTypes = { compare: CompareStageNode };

/** What changed in one stage of the comparison, as lines for the side panel. */
function stageChanges(diff: FlowDiff, node: CompareNode): string[] {
  if (node.data.marks.includes('added')) return ['Added in the newer version.'];
  if (node.data.marks.includes('removed')) return ['Removed in the newer version.'];
  const change = diff.stages.changed.find((c) => c.stageId === node.id);
  const lines = (change?.configPaths ?? []).map((path) => fieldPathLabel(node.data.type, path));
  if (change?.label) lines.push(`Label: "${change.label.from}" → "${change.label.to}"`);
  if (change?.description) lines.push('Description changed');
  if (change?.typeVersion) {
    lines.push(`Stage version ${change.typeVersion.from} → ${change.typeVersion.to}`);
  }
  if (node.data.marks.includes('moved')) lines.push('Moved on the canvas');
  return lines.length > 0 ? lines : ['No change.'];
}

/** `n` things, in the singular for one. */
function countOf(n: number, one: string, many: string): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** What changed, stages first, then links, notes and parameters, for the side panel's summary. */
function flowChanges(diff: FlowDiff): string[] {
  const { stages, links, notes } = diff;
  const counts: [number, string, string][] = [
    [stages.added.length, 'stage', 'added'],
    [stages.removed.length, 'stage', 'removed'],
    [stages.changed.length, 'stage', 'changed'],
    [stages.moved.length, 'stage', 'moved'],
    [links.added.length, 'link', 'added'],
    [links.removed.length, 'link', 'removed'],
    [notes.added.length + notes.removed.length + notes.changed.length, 'note', 'changed'],
  ];
  return [
    ...counts.flatMap(([n, one, what]) => (n > 0 ? [`${countOf(n, one, `${one}s`)} ${what}`] : [])),
    ...diff.parameters.added.map((name) => `Parameter ${name} added`),
    ...diff.parameters.removed.map((name) => `Parameter ${name} removed`),
    ...diff.parameters.changed.map((name) => `Parameter ${name} changed`),
  ];
}

/**
 * Two saved versions compared on a read-only canvas of the newer one: stages badged added,
 * changed or moved, removed ones as ghosts; the selected stage's changed fields beside it.
 */
export function VersionCompareModal({
  flowId,
  versions,
  canRestore,
  onRestore,
  onClose,
}: {
  flowId: string;
  versions: { from: number; to: number } | undefined;
  canRestore: boolean;
  onRestore: (version: number) => Promise<void>;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={versions !== undefined}
      onClose={onClose}
      fullScreen
      title={versions ? `Version ${versions.from} → version ${versions.to}` : ''}
    >
      {versions && (
        <ReactFlowProvider>
          <Comparison
            flowId={flowId}
            versions={versions}
            canRestore={canRestore}
            onRestore={onRestore}
          />
        </ReactFlowProvider>
      )}
    </Modal>
  );
}

function Comparison({
  flowId,
  versions,
  canRestore,
  onRestore,
}: {
  flowId: string;
  versions: { from: number; to: number };
  canRestore: boolean;
  onRestore: (version: number) => Promise<void>;
}) {
  const colorMode = useComputedColorScheme('light');
  const compared = useQuery(trpc.flow.diff.queryOptions({ id: flowId, ...versions }));
  const [selectedId, setSelectedId] = useState<string>();
  const elements = useMemo(
    () => compared.data && compareElements(compared.data.to.document, compared.data.diff),
    [compared.data],
  );
  if (compared.isPending) {
    return (
      <Center h="70vh">
        <Loader />
      </Center>
    );
  }
  if (!compared.data || !elements) {
    return <Alert color="red">{errorMessage(compared.error)}</Alert>;
  }
  const { diff } = compared.data;
  const selected = elements.nodes.find((n) => n.id === selectedId);
  return (
    <Group align="stretch" gap="md" wrap="nowrap" h="calc(100vh - 90px)">
      <div style={{ flex: 1 }} data-testid="compare-canvas">
        <ReactFlow
          nodes={elements.nodes.map((n) => ({ ...n, selected: n.id === selectedId }))}
          edges={elements.edges}
          nodeTypes={nodeTypes}
          colorMode={colorMode}
          nodesDraggable={false}
          nodesConnectable={false}
          onNodeClick={(_, node) => setSelectedId(node.id)}
          onPaneClick={() => setSelectedId(undefined)}
          fitView
        >
          <Background />
        </ReactFlow>
      </div>
      <Stack w={320} gap="sm">
        <Text size="sm" data-testid="compare-summary">
          {diff.size === 0
            ? 'The two versions are the same.'
            : `${countOf(diff.size, 'change', 'changes')}.`}
        </Text>
        {flowChanges(diff).length > 0 && (
          <List size="sm">
            {flowChanges(diff).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {selected ? (
          <div data-testid="compare-stage-changes">
            <Text fw={600} size="sm">
              {selected.data.label}
            </Text>
            <List size="sm">
              {stageChanges(diff, selected).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            Select a stage to see what changed in it.
          </Text>
        )}
        <Button
          variant="default"
          data-testid="restore-compared-version"
          disabled={!canRestore}
          onClick={() => void onRestore(versions.from)}
        >
          Restore version {versions.from}
        </Button>
        {!canRestore && (
          <Text size="xs" c="dimmed">
            Save or undo your edits first.
          </Text>
        )}
      </Stack>
    </Group>
  );
}
