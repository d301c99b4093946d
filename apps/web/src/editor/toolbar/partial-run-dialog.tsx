import { useMemo } from 'react';
import { Button, Dialog, Group, List, Text } from '@mantine/core';

import { getStage } from '@sluice/stages';

import type { PartialRunProposal } from '../store/partial-run.slice';
import type { StageFlowNode } from '../store/stage-node-model';
import { useEditorStore } from '../store/editor-context';
import { selectNodesWhileProposed } from '../store/selectors';

/** The proposed partial run's stages by label, its destinations (what it writes) marked. */
function describe(partialRun: PartialRunProposal | undefined, nodes: readonly StageFlowNode[]) {
  if (!partialRun) return undefined;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const stages = partialRun.stageIds.flatMap((id) => {
    const node = byId.get(id);
    if (!node) return [];
    const definition = getStage(node.data.type);
    const label = node.data.label || (definition?.ui.label ?? id);
    return [{ id, label, writes: definition?.category === 'destination' }];
  });
  return { selected: partialRun.selected, stages };
}

/**
 * Confirms a "run up to here" while the canvas highlights what will run: the stages, and the
 * destinations that will be written (none means the run writes nothing). A dialog, not a
 * modal, so the highlighted canvas stays in view.
 */
export function PartialRunDialog({ onRun }: { onRun: (stageIds: string[]) => void }) {
  const partialRun = useEditorStore((s) => s.partialRun);
  const nodes = useEditorStore(selectNodesWhileProposed);
  const proposal = useMemo(() => describe(partialRun, nodes), [partialRun, nodes]);
  const dismiss = useEditorStore((s) => s.dismissPartialRun);
  const destinations = proposal?.stages.filter((stage) => stage.writes) ?? [];
  return (
    <Dialog
      opened={proposal !== undefined}
      onClose={dismiss}
      withCloseButton
      size="lg"
      radius="md"
      shadow="lg"
      position={{ bottom: 24, right: 24 }}
      data-testid="partial-run-dialog"
    >
      <Text fw={600} size="sm" mb={4}>
        Run up to here
      </Text>
      <Text size="sm" mb={4}>
        {proposal?.stages.length ?? 0} stage(s) will run, highlighted on the canvas:
      </Text>
      <Text size="sm" c="dimmed" mb="xs" data-testid="partial-run-stages">
        {proposal?.stages.map((stage) => stage.label).join(', ')}
      </Text>
      <Text size="sm" mb={4}>
        {destinations.length === 0
          ? 'No destination is written: nothing outside the run changes.'
          : 'Destinations written:'}
      </Text>
      {destinations.length > 0 && (
        <List size="sm" mb="xs" data-testid="partial-run-destinations">
          {destinations.map((stage) => (
            <List.Item key={stage.id}>{stage.label}</List.Item>
          ))}
        </List>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={dismiss}>
          Cancel
        </Button>
        <Button
          size="xs"
          data-testid="partial-run-confirm"
          onClick={() => {
            if (proposal) onRun(proposal.selected);
            dismiss();
          }}
        >
          Run {proposal?.stages.length ?? 0} stage(s)
        </Button>
      </Group>
    </Dialog>
  );
}
