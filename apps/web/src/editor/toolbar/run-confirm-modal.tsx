import { useCallback, useState } from 'react';
import { Button, Group, List, Modal, Text } from '@mantine/core';

import type { ParameterInput } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { StageFlowNode } from '../store/stage-node-model';
import { useEditorStoreApi } from '../store/editor-context';

/** The parameter values chosen for a run, by name. */
type ParameterValues = Record<string, ParameterInput>;

/** One stage of the run that overwrites something, and what, in its stage type's words. */
interface Overwrite {
  label: string;
  what: string;
}

/** What the stages about to run overwrite beyond their destinations (restores), if anything. */
function overwritesOf(nodes: readonly StageFlowNode[], stageIds?: readonly string[]): Overwrite[] {
  return nodes.flatMap((node) => {
    if (stageIds && !stageIds.includes(node.id)) return [];
    const definition = getStage(node.data.type);
    const parsed = definition?.config.safeParse(node.data.config);
    const what = parsed?.success ? definition?.ui.confirmBeforeRun?.(parsed.data) : undefined;
    if (!definition || what === undefined) return [];
    return [{ label: node.data.label || definition.ui.label, what }];
  });
}

/**
 * Runs through `start`, first asking for confirmation when the run contains a stage that
 * overwrites data (a snapshot restore), naming what each one overwrites.
 */
export function useConfirmedRun(
  start: (stageIds?: readonly string[], parameters?: ParameterValues) => Promise<void>,
) {
  const store = useEditorStoreApi();
  const [pending, setPending] = useState<{
    stageIds?: readonly string[];
    parameters?: ParameterValues;
    overwrites: Overwrite[];
  }>();

  const request = useCallback(
    async (stageIds?: readonly string[], parameters?: ParameterValues) => {
      const overwrites = overwritesOf(store.getState().nodes, stageIds);
      if (overwrites.length === 0) return start(stageIds, parameters);
      setPending({
        ...(stageIds ? { stageIds } : {}),
        ...(parameters ? { parameters } : {}),
        overwrites,
      });
    },
    [start, store],
  );

  const modal = (
    <Modal
      opened={pending !== undefined}
      onClose={() => setPending(undefined)}
      title="This run overwrites data"
      data-testid="run-confirm-modal"
    >
      <Text size="sm" mb="xs">
        When the run has committed, these stages put data back as a snapshot holds it:
      </Text>
      <List size="sm" spacing={4} mb="md" data-testid="run-confirm-overwrites">
        {pending?.overwrites.map((o) => (
          <List.Item key={o.label}>
            <b>{o.label}</b>: {o.what}
          </List.Item>
        ))}
      </List>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setPending(undefined)}>
          Cancel
        </Button>
        <Button
          color="red"
          data-testid="run-confirm-button"
          onClick={() => {
            setPending(undefined);
            void start(pending?.stageIds, pending?.parameters);
          }}
        >
          Run and overwrite
        </Button>
      </Group>
    </Modal>
  );
  return { request, modal };
}
