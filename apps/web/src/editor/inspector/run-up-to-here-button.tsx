import { Button, Kbd, Tooltip } from '@mantine/core';
import { IconPlayerTrackNext } from '@tabler/icons-react';

import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { isTerminal } from '../store/run-types';

/**
 * Proposes a run of this stage (with the other selected ones) and everything upstream; the
 * canvas then shows what will run and a dialog asks to confirm. Off while a run is going.
 */
export function RunUpToHereButton({ stageId }: { stageId: string }) {
  const store = useEditorStoreApi();
  const busy = useEditorStore(
    (s) => s.starting || (s.run !== undefined && !isTerminal(s.run.state)),
  );
  const propose = () => {
    const { selectedNodeIds, proposePartialRun } = store.getState();
    proposePartialRun(selectedNodeIds.includes(stageId) ? selectedNodeIds : [stageId]);
  };
  return (
    <Tooltip
      label={
        <>
          Run this stage and everything upstream of it <Kbd size="xs">Shift+R</Kbd>
        </>
      }
    >
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlayerTrackNext size={14} />}
        disabled={busy}
        data-testid="run-up-to-here"
        onClick={propose}
        style={{ alignSelf: 'flex-start' }}
      >
        Run up to here
      </Button>
    </Tooltip>
  );
}
