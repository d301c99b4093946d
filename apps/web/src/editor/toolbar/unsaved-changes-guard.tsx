import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

import type { LeaveGuard } from '../../lib/router';
import { useLeaveGuard } from '../../lib/router';
import { useEditorStore } from '../store/editor-context';
import { selectIsDirty, selectName } from '../store/selectors';

/** Asks the browser to confirm a reload or a closed tab while edits are unsaved. */
function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const hold = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, [active]);
}

/**
 * While the flow has unsaved edits (the toolbar's Unsaved marker), leaving the editor asks first:
 * in the app's own dialog for in-app navigation, Back and Forward, and in the browser's for a
 * reload or a closed tab.
 */
export function UnsavedChangesGuard({ save }: { save: () => Promise<boolean> }) {
  const isDirty = useEditorStore(selectIsDirty);
  const name = useEditorStore(selectName);
  const [pending, setPending] = useState<{ leave: () => void }>();
  const [saving, setSaving] = useState(false);
  const ask = useCallback<LeaveGuard>((leave) => setPending({ leave }), []);
  useLeaveGuard(isDirty ? ask : undefined);
  useBeforeUnload(isDirty);

  const stay = () => setPending(undefined);
  const discard = () => {
    setPending(undefined);
    pending?.leave();
  };
  const saveAndLeave = async () => {
    setSaving(true);
    const saved = await save();
    setSaving(false);
    setPending(undefined);
    // A refused save tells why (or opens the conflict choice); the person stays with the edits.
    if (saved) pending?.leave();
  };

  return (
    <Modal opened={pending !== undefined} onClose={stay} title="Leave without saving?" centered>
      <Stack data-testid="unsaved-changes-dialog">
        <Text size="sm">You have unsaved changes to {name}.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay}>
            Stay
          </Button>
          <Button variant="default" color="red" onClick={discard}>
            Discard
          </Button>
          <Button loading={saving} onClick={() => void saveAndLeave()}>
            Save and leave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
