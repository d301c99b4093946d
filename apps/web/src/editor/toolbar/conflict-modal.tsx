import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

interface ConflictModalProps {
  message: string | undefined;
  onReload: () => Promise<void>;
  onSaveCopy: () => Promise<void>;
  onClose: () => void;
}

/** The stale-save choice: take the other version, or keep mine as a new flow. */
export function ConflictModal({ message, onReload, onSaveCopy, onClose }: ConflictModalProps) {
  const [busy, setBusy] = useState<'reload' | 'copy'>();
  const run = (which: 'reload' | 'copy', action: () => Promise<void>) => {
    setBusy(which);
    void action().finally(() => setBusy(undefined));
  };
  return (
    <Modal
      opened={message !== undefined}
      onClose={onClose}
      title="This flow changed elsewhere"
      centered
    >
      <Stack data-testid="conflict-modal">
        <Text size="sm">{message}</Text>
        <Text size="sm" c="dimmed">
          Reloading shows the other version and discards your unsaved edits. Saving a copy keeps
          your edits as a new flow and leaves the other version untouched.
        </Text>
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            data-testid="conflict-reload"
            loading={busy === 'reload'}
            onClick={() => run('reload', onReload)}
          >
            Reload (discard mine)
          </Button>
          <Button
            data-testid="conflict-save-copy"
            loading={busy === 'copy'}
            onClick={() => run('copy', onSaveCopy)}
          >
            Save mine as a copy
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
